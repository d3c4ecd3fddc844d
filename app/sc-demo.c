/* sc-demo.c: a vault of clearly fictional children, for training
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-demo"

#include "config.h"

#include "sc-dates.h"
#include "sc-demo.h"
#include "sc-records.h"

typedef struct
{
  const char *name;
  const char *preferred;
  const char *dob;
  const char *reference;
  const char *placement;
  const char *carer;
} DemoChild;

/* Every name is invented, and marked so in the reference. */
static const DemoChild demo_children[] = {
  { "Ava Demo-Fletcher", "Ava", "2011-03-14", "DEMO-1001", "foster", "Mr and Mrs Example" },
  { "Ben Demo-Okafor", "", "2009-07-02", "DEMO-1002", "residential", "Hillview House (fictional)" },
  { "Chloé Demo-O'Brien", "Clo", "2013-11-21", "DEMO-1003", "kinship", "Grandmother (fictional)" },
  { "Dev Demo-Patel", "", "2008-01-30", "DEMO-1004", "supported", "Key worker (fictional)" },
  { "Ella Demo-Nowak", "", "2012-05-09", "DEMO-1005", "foster", "Ms Sample" },
  { "Finn Demo-Harris", "", "2010-09-17", "DEMO-1006", "residential", "Oak Lodge (fictional)" },
};

typedef struct
{
  guint       child;
  int         days_ago;
  const char *summary;
  const char *own_words;
  const char *intent;
  const char *area;
  const char *types;
  const char *involvement;
  const char *other_party;
  const char *adult_role;
  const char *location;
  const char *setting;
  const char *media;
  const char *status;
} DemoConcern;

static const DemoConcern demo_concerns[] = {
  { 0, 2, "Group chat messages calling Ava names and telling her to leave the school.",
    "They keep saying nobody wants me there and that I should just go.",
    "deliberate", "bullying", "bullying", "child-on-child", "Three pupils in her year (fictional)",
    "", "home", "high-school", "messaging", "open" },
  { 1, 5, "An adult he met in a game asked Ben for photos and to keep it secret.",
    "He said he was 16 too and if I told anyone he would stop being my mate.",
    "deliberate", "sexual", "grooming", "adult-on-child", "Unknown adult using a gaming account",
    "Unknown", "home", "residential-home", "games-console", "open" },
  { 2, 9, "A relative posted Chloé's new address and school on a public page.",
    "Auntie put where I live now on Facebook and my dad saw it.",
    "accidental", "personal-information", "other", "adult-on-child", "Relative (fictional)",
    "Family member", "home", "home", "social-networking", "awaiting-action" },
  { 3, 20, "Dev sent threatening messages to a support worker after a house meeting.",
    "I only said I'd sort him out, I wasn't going to do anything.",
    "deliberate", "bullying", "violence", "child-on-adult", "Support worker (fictional)",
    "", "setting", "office", "mobile-phone", "awaiting-action" },
  { 4, 6, "A member of staff messaged Ella from a personal account late at night.",
    "She said I could message her any time on her own phone and not tell anyone.",
    "deliberate", "sexual", "grooming", "adult-on-child", "Staff member (fictional)",
    "Residential worker at the placement provider", "setting", "foster-home", "messaging", "open" },
  { 5, 14, "Two members of staff exchanged hostile posts about a colleague.",
    "", "deliberate", "bullying", "hate", "staff-on-staff", "Two staff members (fictional)",
    "Care staff", "setting", "residential-home", "social-networking", "open" },
  { 5, 30, "A member of the public sent abusive emails to staff about Finn's placement.",
    "", "deliberate", "bullying", "other", "public-on-staff", "Member of the public (fictional)",
    "Member of the public", "home", "residential-home", "email", "awaiting-action" },
};

gboolean
sc_demo_fill (ScVault *vault,
              GError **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  guint count = 0;

  if (!sc_records_count_children (vault, NULL, &count, error))
    return FALSE;
  if (count > 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_children); i++)
    {
      g_autoptr(ScChild) child = sc_child_new ();
      ScRecord *r = SC_RECORD (child);

      sc_record_set_text (r, "name", demo_children[i].name);
      sc_record_set_text (r, "preferred-name", demo_children[i].preferred);
      sc_record_set_text (r, "date-of-birth", demo_children[i].dob);
      sc_record_set_text (r, "case-reference", demo_children[i].reference);
      sc_record_set_text (r, "placement", demo_children[i].placement);
      sc_record_set_text (r, "carer", demo_children[i].carer);
      sc_record_set_text (r, "allocated-worker", SC_DEMO_WORKER_NAME);
      if (!sc_records_save (vault, r, error))
        return FALSE;
      g_ptr_array_add (children, g_steal_pointer (&child));
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_concerns); i++)
    {
      const DemoConcern *d = &demo_concerns[i];
      ScRecord *child = children->pdata[d->child];
      g_autoptr(ScConcern) concern = sc_concern_new (sc_record_get_id (child));
      ScRecord *r = SC_RECORD (concern);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) happened = g_date_time_add_days (now, -d->days_ago);
      g_autoptr(GDateTime) disclosed = g_date_time_add_hours (happened, 3);
      g_autofree char *happened_text = sc_datetime_to_storage (happened);
      g_autofree char *disclosed_text = NULL;

      if (g_date_time_compare (disclosed, now) > 0)
        g_set_object (&disclosed, now);
      disclosed_text = sc_datetime_to_storage (disclosed);

      sc_record_set_text (r, "summary", d->summary);
      sc_record_set_text (r, "own-words", d->own_words);
      sc_record_set_text (r, "happened-at", happened_text);
      sc_record_set_text (r, "disclosed-at", disclosed_text);
      sc_record_set_text (r, "disclosed-by", *d->own_words != '\0' ? "The child" : "Staff member");
      sc_record_set_text (r, "intent", d->intent);
      sc_record_set_text (r, "area", d->area);
      sc_record_set_text (r, "incident-types", d->types);
      sc_record_set_text (r, "involvement", d->involvement);
      sc_record_set_text (r, "other-party", d->other_party);
      sc_record_set_text (r, "adult-role", d->adult_role);
      sc_record_set_boolean (r, "adult-is-staff", g_str_has_prefix (d->other_party, "Staff")
                                                  || g_str_has_prefix (d->other_party, "Two staff"));
      sc_record_set_text (r, "location", d->location);
      sc_record_set_text (r, "setting-type", d->setting);
      sc_record_set_text (r, "media", d->media);
      sc_record_set_text (r, "status", d->status);
      /* Recorded when it was disclosed, so the demo shows deadlines passing. */
      sc_record_set_text (r, "recorded-at", disclosed_text);
      if (!sc_records_complete (vault, r, error))
        return FALSE;
    }

  return TRUE;
}
