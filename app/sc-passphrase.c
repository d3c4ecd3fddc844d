/* sc-passphrase.c: the strong-password rule of the safeguarding framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-passphrase"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-passphrase.h"
#include "sc-secure.h"

/* Parts of a name shorter than this ("Al", "Jo") are too common inside
 * ordinary words to count as "containing the name". */
#define NAME_PART_MIN_CHARS 3

static gboolean
contains_name (const char *passphrase,
               const char *name)
{
  char *folded_pass = NULL;
  char *folded_name = NULL;
  g_auto(GStrv) parts = NULL;
  gboolean found = FALSE;

  if (name == NULL || *name == '\0')
    return FALSE;

  /* Folded in guarded memory, never on the heap, and the same way on both
   * sides: lower case is what matching a name needs. */
  folded_pass = sc_secure_fold (passphrase);
  folded_name = sc_secure_fold (name);
  if (folded_pass != NULL && folded_name != NULL)
    {
      parts = g_strsplit_set (folded_name, " -'.,", -1);
      for (guint i = 0; parts[i] != NULL && !found; i++)
        found = g_utf8_strlen (parts[i], -1) >= NAME_PART_MIN_CHARS
                && strstr (folded_pass, parts[i]) != NULL;
    }
  sc_secure_strfree (folded_pass);
  sc_secure_strfree (folded_name);
  return found;
}

ScPassphraseProblems
sc_passphrase_check (const char *passphrase,
                     const char *name)
{
  ScPassphraseProblems problems = SC_PASSPHRASE_OK;
  gboolean has_lower = FALSE, has_upper = FALSE, has_other = FALSE;

  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL))
    passphrase = "";

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        has_lower = TRUE;
      else if (g_unichar_isupper (c) || g_unichar_istitle (c))
        has_upper = TRUE;
      else if (!g_unichar_isalpha (c))
        has_other = TRUE;
    }

  if (g_utf8_strlen (passphrase, -1) < SC_PASSPHRASE_MIN_LENGTH)
    problems |= SC_PASSPHRASE_TOO_SHORT;
  if (!has_lower)
    problems |= SC_PASSPHRASE_NO_LOWER;
  if (!has_upper)
    problems |= SC_PASSPHRASE_NO_UPPER;
  if (!has_other)
    problems |= SC_PASSPHRASE_NO_DIGIT_OR_SYMBOL;
  if (contains_name (passphrase, name))
    problems |= SC_PASSPHRASE_CONTAINS_NAME;

  return problems;
}

/* One sentence per problem, so a translator always has whole sentences. */
char *
sc_passphrase_describe_problems (ScPassphraseProblems problems)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new ();

  if (problems == SC_PASSPHRASE_OK)
    return NULL;

  if (problems & SC_PASSPHRASE_TOO_SHORT)
    g_ptr_array_add (sentences, _("Use at least 8 characters."));
  if (problems & SC_PASSPHRASE_NO_LOWER)
    g_ptr_array_add (sentences, _("Add a lower-case letter."));
  if (problems & SC_PASSPHRASE_NO_UPPER)
    g_ptr_array_add (sentences, _("Add a capital letter."));
  if (problems & SC_PASSPHRASE_NO_DIGIT_OR_SYMBOL)
    g_ptr_array_add (sentences, _("Add a number or a symbol."));
  if (problems & SC_PASSPHRASE_CONTAINS_NAME)
    g_ptr_array_add (sentences, _("Leave your name out of it."));
  g_ptr_array_add (sentences, NULL);

  return g_strjoinv (" ", (char **) sentences->pdata);
}
