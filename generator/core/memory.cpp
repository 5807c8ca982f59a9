#include "core/memory.hpp"

#include <malloc.h>

// tcmalloc's, when it is linked in (weak: the tests, under the sanitizers,
// run without it).
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace og {

void release_free_memory() {
  if (MallocExtension_ReleaseFreeMemory) MallocExtension_ReleaseFreeMemory();
  else malloc_trim(0);
}

}  // namespace og
