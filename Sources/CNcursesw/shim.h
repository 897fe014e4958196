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
#endif
