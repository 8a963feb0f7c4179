/* fuzz-common.h: set-up and checks shared by the fuzz targets
 *
 * Each target defines LLVMFuzzerTestOneInput().  It is linked either with
 * libFuzzer (-fsanitize=fuzzer) or with fuzz-replay.c, a main() that runs
 * the files of a corpus once, so that the findings stay fixed in builds
 * made without clang.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

int          LLVMFuzzerTestOneInput  (const uint8_t *data,
                                      size_t         size);

/* Sets up the core once per process and makes GLib warnings and
 * criticals abort, so that a g_return_if_fail() or a g_warning() that
 * input can reach counts as a finding. */
void         fuzz_init               (void);

/* Writes @data to @basename in a temporary folder private to the process
 * (removed at exit) and returns the file's path, which stays valid until
 * the process exits. */
const char  *fuzz_write_temp         (const char    *basename,
                                      const uint8_t *data,
                                      size_t         size);

/* Path of @basename in the same folder, without creating it. */
const char  *fuzz_temp_path          (const char    *basename);

/* Aborts unless @error is set, belongs to @domain and carries a
 * non-empty, valid UTF-8 message: an error shown to a user must be
 * readable whatever bytes the input held. */
void         fuzz_check_error        (const GError  *error,
                                      GQuark         domain);

/* Prints the message and aborts, so that libFuzzer records the input. */
G_NORETURN
void         fuzz_fail               (const char    *format,
                                      ...) G_GNUC_PRINTF (1, 2);

#define fuzz_assert(expr) \
  G_STMT_START { \
    if (G_UNLIKELY (!(expr))) \
      fuzz_fail ("%s:%d: check failed: %s", __FILE__, __LINE__, #expr); \
  } G_STMT_END

G_END_DECLS
