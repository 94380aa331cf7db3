#ifndef RENKEI_BYTE_SEARCH_H
#define RENKEI_BYTE_SEARCH_H

#include <stddef.h>

/// The offset of the first occurrence of `needle` in `haystack`, or -1: glibc's memmem, which
/// Swift's Glibc module does not export (it is a GNU extension).
long renkei_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
