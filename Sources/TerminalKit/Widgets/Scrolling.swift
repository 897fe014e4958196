/// The first visible row so that `selected` stays inside a window of `visible` rows,
/// moving `offset` as little as possible.
public func scrollOffset(offset: Int, selected: Int?, count: Int, visible: Int) -> Int {
  guard visible > 0, count > 0 else { return 0 }
  var o = max(0, min(offset, count - 1))
  if let selected {
    let s = max(0, min(selected, count - 1))
    if s < o { o = s }
    if s >= o + visible { o = s - visible + 1 }
  }
  // Do not leave empty rows at the bottom when the list could fill the window.
  o = min(o, max(0, count - visible))
  return o
}
