/* sc-passphrase.h: the strong-password rule of the safeguarding framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_PASSPHRASE_MIN_LENGTH 8

/* What a passphrase still lacks. The rule is the framework's (seed 002):
 * at least 8 characters, a mixture of upper and lower case letters and
 * numbers or other characters, not containing the person's name. */
typedef enum
{
  SC_PASSPHRASE_OK                  = 0,
  SC_PASSPHRASE_TOO_SHORT           = 1 << 0,
  SC_PASSPHRASE_NO_LOWER            = 1 << 1,
  SC_PASSPHRASE_NO_UPPER            = 1 << 2,
  SC_PASSPHRASE_NO_DIGIT_OR_SYMBOL  = 1 << 3,
  SC_PASSPHRASE_CONTAINS_NAME       = 1 << 4,
  /* Within that rule, and still easy to guess (libpwquality): */
  SC_PASSPHRASE_DICTIONARY_WORD     = 1 << 5,   /* cracklib: "Password1", "P@ssw0rd1", "Abcdefg1" */
  SC_PASSPHRASE_PATTERN             = 1 << 6,   /* palindromes, runs, repeats */
  SC_PASSPHRASE_GUESSABLE           = 1 << 7,   /* against the computer's policy */
} ScPassphraseProblems;

ScPassphraseProblems  sc_passphrase_check             (const char           *passphrase,
                                                       const char           *name);
char                 *sc_passphrase_describe_problems (ScPassphraseProblems  problems,
                                                       const char           *example);
char                 *sc_passphrase_describe          (const char           *passphrase,
                                                       const char           *name,
                                                       const char           *example);
char                 *sc_passphrase_random_words      (guint                 n_words,
                                                       gboolean              capitalise);
char                 *sc_passphrase_suggest           (void);

void                  sc_passphrase_use_policy_file_for_tests (const char *path);

G_END_DECLS
