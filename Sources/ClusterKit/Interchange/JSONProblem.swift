import Foundation

/// Says where in a JSON document decoding failed.
public enum JSONProblem {
  public static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let parts = context.codingPath.map { key in
        key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
      }
      let joined = parts.joined()
      return joined.isEmpty ? "the top level" : String(joined.drop { $0 == "." })
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(path(context)): missing \"\(key.stringValue)\""
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(path(context)): \(context.debugDescription)"
    case .dataCorrupted(let context):
      if let underlying = context.underlyingError as NSError? {
        return underlying.userInfo["NSDebugDescription"] as? String ?? context.debugDescription
      }
      return "\(path(context)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
