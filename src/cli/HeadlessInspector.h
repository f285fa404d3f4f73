#pragma once

struct CommandLine;

// `capsock --headless --inspect FILE [--stream N]`: a capture's TCP conversations on the
// terminal, so they can be looked at (and tested) with no window. Without --stream, one line per
// conversation; with it, that conversation segment by segment: direction, time and size, then
// a hex dump (offsets counted per direction, as --hex does). Returns the exit code: 0; 1 when
// the file could not be read (or only in part), or holds no TCP; 2 for a stream it lacks.
namespace HeadlessInspector {

int run(const CommandLine &options);

} // namespace HeadlessInspector
