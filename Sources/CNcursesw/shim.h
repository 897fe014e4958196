// SwiftPM drops pkg-config's defines, so the wide-character API is switched on here.
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 cannot read mutable C globals safely; these accessors read them on the caller's thread.
static inline WINDOW *cd_stdscr(void) { return stdscr; }
static inline int cd_lines(void) { return LINES; }
static inline int cd_cols(void) { return COLS; }
static inline void cd_set_escdelay(int ms) { set_escdelay(ms); }
static inline int cd_colors(void) { return COLORS; }
static inline int cd_color_pairs(void) { return COLOR_PAIRS; }
// A_BOLD and friends and KEY_F(n) are function-like macros that Swift does not import.
static inline attr_t cd_attributes(int bold, int dim, int reverse, int underline) {
  attr_t a = A_NORMAL;
  if (bold) a |= A_BOLD;
  if (dim) a |= A_DIM;
  if (reverse) a |= A_REVERSE;
  if (underline) a |= A_UNDERLINE;
  return a;
}
static inline int cd_key_f0(void) { return KEY_F0; }
#endif
