/* sc-passphrase.c: the strong-password rule of the safeguarding framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-passphrase"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <pwquality.h>
#include <sodium.h>

#include "sc-passphrase.h"
#include "sc-secure.h"

/* Short, common words, easy to read out on the phone and to type. */
static const char *const words[] = {
  "acorn", "amber", "anchor", "apple", "arrow", "aspen", "badger", "bakery", "bamboo", "banjo",
  "barley", "basket", "beacon", "bean", "beetle", "berry", "bicycle", "birch", "biscuit", "blanket",
  "blossom", "boat", "bonnet", "bottle", "bramble", "bread", "breeze", "brick", "bridge", "brook",
  "bucket", "butter", "button", "cabin", "cactus", "camel", "candle", "canoe", "carrot", "castle",
  "cedar", "cherry", "chess", "cider", "cinema", "circle", "clover", "cobble", "comet", "copper",
  "coral", "cotton", "cricket", "crystal", "cuckoo", "daisy", "dance", "desert", "dolphin", "donkey",
  "dragon", "drum", "eagle", "easel", "elbow", "ember", "falcon", "feather", "fern", "ferry",
  "fiddle", "finch", "flame", "flute", "forest", "fossil", "fox", "garden", "garnet", "ginger",
  "glacier", "goose", "granite", "grape", "gravel", "harbour", "harp", "hazel", "heather", "hedge",
  "helmet", "heron", "hill", "honey", "island", "ivory", "jacket", "jasmine", "jelly", "jigsaw",
  "juniper", "kettle", "kite", "kitten", "ladder", "lantern", "lemon", "lily", "linen", "lobster",
  "locket", "magnet", "mango", "maple", "marble", "meadow", "melon", "mint", "mirror", "mitten",
  "monkey", "moss", "mountain", "muffin", "nectar", "needle", "nutmeg", "oak", "oasis", "ocean",
  "olive", "onion", "orange", "orchard", "otter", "owl", "paddle", "panda", "parrot", "pasta",
  "peach", "pebble", "pencil", "pepper", "piano", "pigeon", "pillow", "pine", "planet", "plum",
  "pocket", "pond", "poppy", "potato", "pottery", "puffin", "pumpkin", "quarry", "quilt", "rabbit",
  "radish", "rainbow", "raven", "ribbon", "river", "robin", "rocket", "saddle", "saffron", "sailor",
  "salmon", "sandal", "scarf", "seal", "shell", "silver", "sketch", "sledge", "snail", "sparrow",
  "spider", "spoon", "spruce", "squash", "starling", "stone", "storm", "sugar", "summit", "swan",
  "table", "teapot", "thistle", "thunder", "tiger", "timber", "toast", "tomato", "topaz", "tower",
  "tractor", "trumpet", "tulip", "tunnel", "turnip", "valley", "velvet", "violet", "violin", "walnut",
  "walrus", "wave", "whale", "wheat", "willow", "window", "winter", "wizard", "wombat", "wool",
  "yacht", "yarrow", "zebra", "zigzag", "almond", "badge", "cloud", "delta", "engine", "frost",
  "glove", "hamlet", "igloo", "jewel", "koala", "lemur",
};

/* @n_words random words and a number of two digits, joined by dashes,
 * chosen with libsodium (about 8 bits a word); with @capitalise each
 * word starts with a capital. Easy to read out on the phone and to type. */
char *
sc_passphrase_random_words (guint    n_words,
                            gboolean capitalise)
{
  g_autoptr(GString) said = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      gsize at = said->len;

      g_string_append_printf (said, "%s-", words[randombytes_uniform (G_N_ELEMENTS (words))]);
      if (capitalise)
        said->str[at] = g_ascii_toupper (said->str[at]);
    }
  g_string_append_printf (said, "%u", 10 + randombytes_uniform (90));
  return g_string_free (g_steal_pointer (&said), FALSE);
}

/* A passphrase of five random words and a number that the rule passes
 * (about 46 bits; cracklib finds a pattern in a few such). */
char *
sc_passphrase_suggest (void)
{
  char *suggestion = NULL;

  for (guint tries = 0; tries < 50; tries++)
    {
      g_free (suggestion);
      suggestion = sc_passphrase_random_words (5, TRUE);
      if (sc_passphrase_check (suggestion, NULL) == SC_PASSPHRASE_OK)
        break;
    }
  return suggestion;
}

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

/* @passphrase in lower case with the usual swaps undone ("P@ssw0rd" is
 * "password"), in guarded memory; NULL if there is none to spare. */
static char *
unswapped (const char *passphrase)
{
  static const char from[] = "@4801!|3$5279";
  static const char to[] = "aabolliesszgt";
  char *copy = sc_secure_strdup (passphrase);

  if (copy == NULL)
    return NULL;
  for (char *p = copy; *p != '\0'; p++)
    {
      const char *swap = strchr (from, *p);

      *p = swap != NULL ? to[swap - from] : g_ascii_tolower (*p);
    }
  return copy;
}

/* A passphrase this long is not refused for cracklib's "simplistic" or
 * "not enough different characters" alone: those rules count neighbouring
 * letters, which ordinary words of a long passphrase have. */
#define LONG_ENOUGH_CHARS 16

/* cracklib is not thread-safe; a passphrase is checked in a thread when it
 * is changed. */
static GMutex judging;

/* The policy file read: NULL, libpwquality's own (/etc/security/). */
static char *policy_file;

/* For tests only: the computer's policy read from @path. */
void
sc_passphrase_use_policy_file_for_tests (const char *path)
{
  g_free (policy_file);
  policy_file = g_strdup (path);
}

/* Whether cracklib's message @said says "a dictionary word", in English or
 * in the language cracklib speaks here. */
static gboolean
is_dictionary_message (const char *said)
{
  static const char *const messages[] = {
    "it is based on a dictionary word",
    "it is based on a (reversed) dictionary word",
  };

  if (said == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    if (g_str_equal (said, messages[i]) || g_str_equal (said, g_dgettext ("cracklib", messages[i])))
      return TRUE;
  return FALSE;
}

/* What libpwquality (GNOME's own judge, with the cracklib dictionary)
 * finds wrong with @passphrase, in our terms; OK if it finds nothing.
 * @policy, if not NULL, is set to libpwquality's own words for a rule of
 * this computer's policy. */
static ScPassphraseProblems
judge (pwquality_settings_t  *settings,
       const char            *passphrase,
       char                 **policy)
{
  void *aux = NULL;
  int score = pwquality_check (settings, passphrase, NULL, NULL, &aux);

  if (score >= 0)
    return SC_PASSPHRASE_OK;
  switch (score)
    {
    case PWQ_ERROR_CRACKLIB_CHECK:
      if (is_dictionary_message (aux))
        return SC_PASSPHRASE_DICTIONARY_WORD;
      return g_utf8_strlen (passphrase, -1) >= LONG_ENOUGH_CHARS ? SC_PASSPHRASE_OK
                                                                  : SC_PASSPHRASE_PATTERN;
    case PWQ_ERROR_PALINDROME:
    case PWQ_ERROR_CASE_CHANGES_ONLY:
    case PWQ_ERROR_MAX_CONSECUTIVE:
    case PWQ_ERROR_MAX_SEQUENCE:
    case PWQ_ERROR_ROTATED:
    case PWQ_ERROR_BAD_WORDS:
      return SC_PASSPHRASE_PATTERN;
    case PWQ_ERROR_MEM_ALLOC:
      return SC_PASSPHRASE_OK;
    default:
      /* A rule of this computer's policy (/etc/security/pwquality.conf). */
      if (policy != NULL)
        {
          char said[PWQ_MAX_ERROR_MESSAGE_LEN] = "";

          g_free (*policy);
          *policy = g_strdup (pwquality_strerror (said, sizeof said, score, aux));
        }
      return SC_PASSPHRASE_GUESSABLE;
    }
}

/* Whether the dictionary loads: with it missing, cracklib fails every
 * passphrase, and so judges none. Asked once, of the defaults (a
 * computer's stricter policy must not make it look missing). */
static gboolean
dictionary_works (void)
{
  static gsize answer;

  if (g_once_init_enter (&answer))
    {
      pwquality_settings_t *settings = pwquality_default_settings ();
      gboolean works = settings != NULL
                       && judge (settings, "Tidal-Marble-Orchard-Lantern-58", NULL) == SC_PASSPHRASE_OK;

      if (!works)
        g_warning ("The passphrase dictionary could not be used: passphrases are checked against "
                   "the framework's rule only");
      if (settings != NULL)
        pwquality_free_settings (settings);
      g_once_init_leave (&answer, works ? 1 : 2);
    }
  return answer == 1;
}

static ScPassphraseProblems
check_guessable (const char  *passphrase,
                 char       **policy)
{
  pwquality_settings_t *settings;
  ScPassphraseProblems problems;

  if (!dictionary_works () || !(settings = pwquality_default_settings ()))
    return SC_PASSPHRASE_OK;
  g_mutex_lock (&judging);
  /* The computer's policy where it has one; the defaults otherwise. */
  pwquality_read_config (settings, policy_file, NULL);
  problems = judge (settings, passphrase, policy);
  /* The dictionary is English, and cracklib reads bytes: swaps are undone
   * in passphrases of ASCII alone, and only a dictionary word found then
   * counts (a digit made a letter makes runs of letters of its own). */
  if (problems == SC_PASSPHRASE_OK && g_str_is_ascii (passphrase))
    {
      char *plain = unswapped (passphrase);

      if (plain != NULL && judge (settings, plain, NULL) == SC_PASSPHRASE_DICTIONARY_WORD)
        problems = SC_PASSPHRASE_DICTIONARY_WORD;
      sc_secure_strfree (plain);
    }
  g_mutex_unlock (&judging);
  pwquality_free_settings (settings);
  return problems;
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
  /* Within the framework's rule, still easy to guess: "Password1". */
  if (problems == SC_PASSPHRASE_OK)
    problems |= check_guessable (passphrase, NULL);

  return problems;
}

static char *
describe (ScPassphraseProblems  problems,
          const char           *policy,
          const char           *example)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new ();
  g_autofree char *said_policy = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *suggestion = NULL;

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
  if (problems & SC_PASSPHRASE_DICTIONARY_WORD)
    g_ptr_array_add (sentences, _("It is a dictionary word with a few changes, which is among "
                                  "the first things guessed."));
  if (problems & SC_PASSPHRASE_PATTERN)
    g_ptr_array_add (sentences, _("It follows a simple pattern (a run of letters or numbers, or "
                                  "few different characters), which is easy to guess."));
  if (problems & SC_PASSPHRASE_GUESSABLE)
    {
      said_policy = policy != NULL
                    ? g_strdup_printf (_("It does not meet this computer’s password policy: %s."),
                                       policy)
                    : g_strdup (_("It does not meet this computer’s password policy."));
      g_ptr_array_add (sentences, said_policy);
    }
  if (problems & (SC_PASSPHRASE_DICTIONARY_WORD | SC_PASSPHRASE_PATTERN | SC_PASSPHRASE_GUESSABLE))
    {
      if (example == NULL)
        example = fresh = sc_passphrase_suggest ();
      suggestion = g_strdup_printf (_("Several random words are strong and easy to remember, for "
                                      "example “%s”."), example);
      g_ptr_array_add (sentences, suggestion);
    }
  g_ptr_array_add (sentences, NULL);

  return g_strjoinv (" ", (char **) sentences->pdata);
}

/* One sentence per problem, so a translator always has whole sentences;
 * where the passphrase is guessable, a passphrase of random words is
 * offered: @example, or a new one if NULL. */
char *
sc_passphrase_describe_problems (ScPassphraseProblems  problems,
                                 const char           *example)
{
  return describe (problems, NULL, example);
}

/* What @passphrase lacks, as sentences (NULL if nothing), with the words
 * of this computer's policy where it is what refuses it. */
char *
sc_passphrase_describe (const char *passphrase,
                        const char *name,
                        const char *example)
{
  ScPassphraseProblems problems = sc_passphrase_check (passphrase, name);
  g_autofree char *policy = NULL;

  if (problems & SC_PASSPHRASE_GUESSABLE)
    check_guessable (passphrase, &policy);
  return describe (problems, policy, example);
}
