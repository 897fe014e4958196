import ClusterKit
import Foundation

// Everything the command writes goes through these, so that no text from a workspace or a
// file — a name imported from JSON, `CLUSTERDESK_USER`, a line of a bad CSV — can drive the
// terminal: an escape sequence could clear the screen, move the cursor or set the clipboard
// (OSC 52). `print` here shadows the standard library's in this module, so every `print(...)`
// of the commands is cleaned without anyone having to remember it.

/// Prints text for people on standard output, without control characters other than line
/// breaks and tabs (`KoreanText.printable`).
func print(_ text: String = "", terminator: String = "\n") {
  Swift.print(KoreanText.printable(text), terminator: terminator)
}

/// Prints one message on standard error, cleaned like `print`.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((KoreanText.printable(text) + "\n").utf8))
}

/// Writes a file's bytes (CSV, JSON) to standard output: as they are into a file or a pipe, and
/// cleaned like `print` when standard output is a terminal.
func writeStandardOutput(_ data: Data) {
  guard isatty(STDOUT_FILENO) == 1 else {
    FileHandle.standardOutput.write(data)
    return
  }
  let text = KoreanText.printable(String(decoding: data, as: UTF8.self))
  FileHandle.standardOutput.write(Data(text.utf8))
}
