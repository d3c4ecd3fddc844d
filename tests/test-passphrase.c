/* test-passphrase.c: the strong-password rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sc-passphrase.h"
#include "sc-test-core.h"

typedef struct
{
  const char           *passphrase;
  const char           *name;
  ScPassphraseProblems  expected;
} Case;

static const Case cases[] = {
  { "Blue-Kettle-42", "Sam Taylor", SC_PASSPHRASE_OK },
  { "Bk4!xyzq", "Sam Taylor", SC_PASSPHRASE_OK },                      /* exactly 8 */
  { "Bk4!xyz", "Sam Taylor", SC_PASSPHRASE_TOO_SHORT },                /* 7 */
  { "", "Sam Taylor", SC_PASSPHRASE_TOO_SHORT | SC_PASSPHRASE_NO_LOWER
                      | SC_PASSPHRASE_NO_UPPER | SC_PASSPHRASE_NO_DIGIT_OR_SYMBOL },
  { "bluekettle42", NULL, SC_PASSPHRASE_NO_UPPER },
  { "BLUEKETTLE42", NULL, SC_PASSPHRASE_NO_LOWER },
  { "BlueKettleTea", NULL, SC_PASSPHRASE_NO_DIGIT_OR_SYMBOL },
  { "Blue Kettle Tea", NULL, SC_PASSPHRASE_OK },                       /* a space is a symbol */
  { "Taylor-Made-42", "Sam Taylor", SC_PASSPHRASE_CONTAINS_NAME },
  { "myTAYLORpass1", "Sam Taylor", SC_PASSPHRASE_CONTAINS_NAME },     /* any case */
  { "Samphire-Tea-9", "Sam Taylor", SC_PASSPHRASE_CONTAINS_NAME },    /* "sam" is in it */
  { "Jo-Blue-Kettle-1", "Jo Li", SC_PASSPHRASE_OK },                  /* parts under 3 letters */
  { "Zoë-Ängström-7", "Chloé O'Brien", SC_PASSPHRASE_OK },             /* non-Latin letters */
  { "ÉCOLE-école-7", "Brien", SC_PASSPHRASE_OK },
  { "chloé-brien-7X", "Chloé O'Brien", SC_PASSPHRASE_CONTAINS_NAME },
  { "секрет-Пароль-1", "Sam", SC_PASSPHRASE_OK },                      /* Cyrillic cases */
  /* Within the framework's rule and still guessed first (libpwquality and
   * the cracklib dictionary): a word with a capital and a digit, the
   * same with letters swapped for symbols, a keyboard run, the alphabet. */
  { "Password1", NULL, SC_PASSPHRASE_DICTIONARY_WORD },
  { "P@ssw0rd1", NULL, SC_PASSPHRASE_DICTIONARY_WORD },
  { "P@ssw0rd", NULL, SC_PASSPHRASE_DICTIONARY_WORD },
  { "Liverpool1!", NULL, SC_PASSPHRASE_DICTIONARY_WORD },
  { "Qwerty123!", NULL, SC_PASSPHRASE_DICTIONARY_WORD },
  { "Abcdefg1", NULL, SC_PASSPHRASE_PATTERN },
  { "Aaaaaaa1", NULL, SC_PASSPHRASE_PATTERN },
  { "Monkey-Wrench-Dance-8", NULL, SC_PASSPHRASE_OK },
  /* Strong, though cracklib's "systematic" rule counts their neighbouring
   * letters (st, rs, de), or the swaps undone make runs of letters. */
  { "Thirsts-Mangles-Parsers-93", NULL, SC_PASSPHRASE_OK },
  { "Honolulu-Banquets-Parapets-54", NULL, SC_PASSPHRASE_OK },
  { "Delimits-Condemns-Ewes-48", NULL, SC_PASSPHRASE_OK },
  { "De%R54jk!3LjLKOK", NULL, SC_PASSPHRASE_OK },
  { "Green-Teapot-77", NULL, SC_PASSPHRASE_OK },
  { "\xff\xfe-Bad-UTF8-1", NULL, SC_PASSPHRASE_TOO_SHORT | SC_PASSPHRASE_NO_LOWER
                                 | SC_PASSPHRASE_NO_UPPER | SC_PASSPHRASE_NO_DIGIT_OR_SYMBOL },
};

static void
test_rule_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScPassphraseProblems got = sc_passphrase_check (cases[i].passphrase, cases[i].name);

      g_test_message ("case %u: %s", i, cases[i].passphrase);
      g_assert_cmphex (got, ==, cases[i].expected);
    }
}

static void
test_describe (void)
{
  g_autofree char *none = sc_passphrase_describe_problems (SC_PASSPHRASE_OK, NULL);
  g_autofree char *two = sc_passphrase_describe_problems (SC_PASSPHRASE_TOO_SHORT
                                                          | SC_PASSPHRASE_CONTAINS_NAME, NULL);

  g_assert_null (none);
  g_assert_cmpstr (two, ==, "Use at least 8 characters. Leave your name out of it.");
}

/* A guessable passphrase is refused in words, with a passphrase of random
 * words offered instead: one that passes the rule itself, the same one
 * while the form gives it. */
static void
test_describe_guessable (void)
{
  g_autofree char *said = sc_passphrase_describe ("Password1", "Sam Taylor", NULL);
  g_autofree char *again = NULL;
  const char *open, *close;
  g_autofree char *example = NULL;

  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said, "dictionary word"));
  g_assert_nonnull (strstr (said, "random words"));
  open = strstr (said, "“");
  close = strstr (said, "”");
  g_assert_nonnull (open);
  g_assert_nonnull (close);
  example = g_strndup (open + strlen ("“"), close - open - strlen ("“"));
  g_assert_cmpuint (sc_passphrase_check (example, "Sam Taylor"), ==, SC_PASSPHRASE_OK);
  again = sc_passphrase_describe ("P@ssw0rd1", "Sam Taylor", example);
  g_assert_nonnull (strstr (again, example));
}

/* A computer's stricter policy adds its own rule, in its own words, and
 * never switches the dictionary off. */
static void
test_computer_policy (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "pwquality.conf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_file_set_contents (path, "minlen = 20\nmaxclassrepeat = 4\n", -1, &error);
  g_assert_no_error (error);
  sc_passphrase_use_policy_file_for_tests (path);

  g_assert_cmphex (sc_passphrase_check ("Password1", NULL), !=, SC_PASSPHRASE_OK);
  g_assert_cmphex (sc_passphrase_check ("Orchard-Lantern-58", NULL), ==, SC_PASSPHRASE_GUESSABLE);
  said = sc_passphrase_describe ("Orchard-Lantern-58", NULL, "Tidal-Marble-Orchard-Lantern-Cedar-58");
  g_assert_nonnull (strstr (said, "policy: "));
  g_assert_nonnull (strstr (said, "Tidal-Marble-Orchard-Lantern-Cedar-58"));
  g_assert_cmphex (sc_passphrase_check ("Orch4rd-L4nt3rn-B1rch-58-W1ld", NULL), ==, SC_PASSPHRASE_OK);
  sc_passphrase_use_policy_file_for_tests (NULL);
}

/* Every passphrase suggested passes the rule. */
static void
test_suggestions_pass (void)
{
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *example = sc_passphrase_suggest ();

      if (sc_passphrase_check (example, NULL) != SC_PASSPHRASE_OK)
        g_error ("The suggestion “%s” does not pass the rule", example);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* libsodium too: the passphrase is folded in its guarded memory. */
  sc_test_core_init (&argc, &argv);

  g_test_add_func ("/passphrase/rule", test_rule_table);
  g_test_add_func ("/passphrase/describe", test_describe);
  g_test_add_func ("/passphrase/describe-guessable", test_describe_guessable);
  g_test_add_func ("/passphrase/suggestions-pass", test_suggestions_pass);
  g_test_add_func ("/passphrase/computer-policy", test_computer_policy);

  return g_test_run ();
}
