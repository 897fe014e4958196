import CNcursesw
enum Placeholder {}
