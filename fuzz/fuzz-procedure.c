/* fuzz-procedure.c: libFuzzer target for the procedure loader
 *
 * A council's procedure file is read at every start: whatever it holds, the
 * loader must answer with a procedure or a list of problems, never a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "sc-procedure.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  ScProcedure *procedure = sc_procedure_new_from_data ((const char *) data, size, &problems, &error);

  /* Either a procedure, or at least one problem with its line. */
  if (procedure == NULL && (problems == NULL || problems->len == 0))
    __builtin_trap ();
  g_clear_pointer (&procedure, sc_procedure_unref);
  return 0;
}
