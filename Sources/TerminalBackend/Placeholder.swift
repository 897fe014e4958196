import CNcursesw

enum Placeholder {}
