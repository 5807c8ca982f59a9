// Gives memory the build no longer uses back to the system between stages,
// so that one stage's freed memory does not add to the next one's peak.
#pragma once

namespace og {

// With tcmalloc (linked into offergen), its free pages; with glibc's malloc,
// malloc_trim().
void release_free_memory();

}  // namespace og
