/* sc-choices.c: the lists a field's value is chosen from
 *
 * The concern's lists are the safeguarding framework's (seed 002): its
 * decision steps (accidental or deliberate; the three areas of behaviour;
 * who is involved; where the content was made) and its incident monitoring
 * form (Appendix 1: type of setting, type of incident, media used).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-choices"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-choices.h"

static const ScChoice placement[] = {
  { "foster", N_("Foster care") },
  { "kinship", N_("Family and friends care") },
  { "residential", N_("Residential children’s home") },
  { "supported", N_("Supported accommodation") },
  { "secure", N_("Secure children’s home") },
  { "parents", N_("Placed with parents") },
  { "adoption", N_("Placed for adoption") },
  { "other", N_("Other placement") },
};

/* The order or agreement a child is looked after under (Children Act
 * 1989), as a LADO form and a police officer ask. */
static const ScChoice legal_status[] = {
  { "section-20", N_("Accommodated by agreement (section 20)") },
  { "interim-care-order", N_("Interim care order") },
  { "care-order", N_("Care order (section 31)") },
  { "placement-order", N_("Placement order") },
  { "emergency-protection", N_("Police protection or emergency protection order") },
  { "remand", N_("Remanded to local authority accommodation") },
  { "other", N_("Other") },
};

static const ScChoice intent[] = {
  { "accidental", N_("Accidental") },
  { "deliberate", N_("Deliberate") },
  { "unsure", N_("Not sure yet") },
};

static const ScChoice area[] = {
  { "bullying", N_("Bullying or threatening") },
  { "sexual", N_("Sexual") },
  { "personal-information", N_("Mishandling of personal information") },
};

static const ScChoice involvement[] = {
  { "child-on-child", N_("Child on child") },
  { "child-on-adult", N_("Child on adult") },
  { "adult-on-child", N_("Adult on child") },
  { "staff-on-staff", N_("Adult on adult: staff on staff") },
  { "public-on-staff", N_("Adult on adult: public on staff") },
};

static const ScChoice location[] = {
  { "setting", N_("At the setting") },
  { "home", N_("At home") },
};

static const ScChoice setting_type[] = {
  { "after-school-club", N_("After school club") },
  { "breakfast-club", N_("Breakfast club") },
  { "childminder", N_("Childminder") },
  { "childrens-centre", N_("Children’s centre") },
  { "foster-home", N_("Foster home") },
  { "high-school", N_("High school") },
  { "home", N_("Home") },
  { "infant-school", N_("Infant school") },
  { "internet-cafe", N_("Internet café") },
  { "junior-school", N_("Junior school") },
  { "library", N_("Library") },
  { "nursery", N_("Nursery") },
  { "office", N_("Office") },
  { "post-16", N_("Post 16 education") },
  { "residential-home", N_("Residential home") },
  { "sports-club", N_("Sports club") },
  { "youth-centre", N_("Youth centre") },
  { "other", N_("Other setting") },
};

static const ScChoice incident_types[] = {
  { "sexual", N_("Sexual") },
  { "grooming", N_("Grooming") },
  { "bullying", N_("Bullying") },
  { "violence", N_("Violence") },
  { "hate", N_("Hate or incitement") },
  { "financial", N_("Financial") },
  { "other", N_("Other") },
};

static const ScChoice media[] = {
  { "social-networking", N_("Social networking") },
  { "messaging", N_("Free messaging app") },
  { "email", N_("Email") },
  { "webcam", N_("Webcam or video call") },
  { "mobile-phone", N_("Mobile phone") },
  { "games-console", N_("Games console") },
  { "other", N_("Other") },
};

static const ScChoice yes_no_unknown[] = {
  { "yes", N_("Yes") },
  { "no", N_("No") },
  { "unknown", N_("Not known") },
};

static const ScChoice status[] = {
  { "open", N_("Open") },
  { "awaiting-action", N_("Awaiting action") },
  { "closed", N_("Closed") },
};

/* What the worker may choose: only a manager's signed review closes a
 * concern (sc_review_sign()). */
static const ScChoice worker_status[] = {
  { "open", N_("Open") },
  { "awaiting-action", N_("Awaiting action") },
};

static const ScChoice decision[] = {
  { "actions-agreed", N_("Actions agreed") },
  { "further-action", N_("Further action needed") },
  { "close", N_("Close the concern") },
};

static const ScChoice channel[] = {
  { "phone-call", N_("Phone call") },
  { "text", N_("Text message") },
  { "email", N_("Email") },
  { "messaging", N_("Messaging app") },
  { "social-network", N_("Social network (professional account)") },
  { "video-call", N_("Video call") },
  { "other", N_("Other") },
};

static const ScChoice direction[] = {
  { "to", N_("To them") },
  { "from", N_("From them") },
};

static const ScChoice with_whom[] = {
  { "child", N_("The child") },
  { "carer", N_("Their carer") },
  { "parent", N_("Their parent") },
  { "other", N_("Someone else") },
};

static const ScChoice device[] = {
  { "work", N_("Work-issued device or account") },
  { "personal", N_("Personal device or account") },
};

static const struct
{
  const char     *field;
  const ScChoice *choices;
  guint           n_choices;
  gboolean        multiple;
} tables[] = {
  { "placement", placement, G_N_ELEMENTS (placement), FALSE },
  { "intent", intent, G_N_ELEMENTS (intent), FALSE },
  { "legal-status", legal_status, G_N_ELEMENTS (legal_status), FALSE },
  { "adult-works-with-children", yes_no_unknown, G_N_ELEMENTS (yes_no_unknown), FALSE },
  { "adult-own-children", yes_no_unknown, G_N_ELEMENTS (yes_no_unknown), FALSE },
  { "area", area, G_N_ELEMENTS (area), FALSE },
  { "involvement", involvement, G_N_ELEMENTS (involvement), FALSE },
  { "location", location, G_N_ELEMENTS (location), FALSE },
  { "setting-type", setting_type, G_N_ELEMENTS (setting_type), FALSE },
  { "incident-types", incident_types, G_N_ELEMENTS (incident_types), TRUE },
  { "media", media, G_N_ELEMENTS (media), TRUE },
  { "status", status, G_N_ELEMENTS (status), FALSE },
  { "worker-status", worker_status, G_N_ELEMENTS (worker_status), FALSE },
  { "decision", decision, G_N_ELEMENTS (decision), FALSE },
  { "channel", channel, G_N_ELEMENTS (channel), FALSE },
  { "direction", direction, G_N_ELEMENTS (direction), FALSE },
  { "with-whom", with_whom, G_N_ELEMENTS (with_whom), FALSE },
  { "device", device, G_N_ELEMENTS (device), FALSE },
};

static int
table_index (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].field, field) == 0)
      return (int) i;
  return -1;
}

const ScChoice *
sc_choices_for (const char *field,
                guint      *n_choices)
{
  int i = table_index (field);

  if (n_choices != NULL)
    *n_choices = i < 0 ? 0 : tables[i].n_choices;
  return i < 0 ? NULL : tables[i].choices;
}

gboolean
sc_choice_is_multiple (const char *field)
{
  int i = table_index (field);

  return i >= 0 && tables[i].multiple;
}

const char *
sc_choice_label (const char *field,
                 const char *id)
{
  guint n = 0;
  const ScChoice *choices = sc_choices_for (field, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (choices[i].id, id) == 0)
      return _(choices[i].label);
  return "";
}

static gboolean
is_choice (const ScChoice *choices,
           guint           n,
           const char     *id)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (choices[i].id, id))
      return TRUE;
  return FALSE;
}

/* '' (not chosen yet) is valid for every field. */
gboolean
sc_choice_is_valid (const char *field,
                    const char *value)
{
  guint n = 0;
  const ScChoice *choices = sc_choices_for (field, &n);
  g_auto(GStrv) ids = NULL;

  if (choices == NULL || value == NULL || *value == '\0')
    return TRUE;
  if (!sc_choice_is_multiple (field))
    return is_choice (choices, n, value);

  ids = g_strsplit (value, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    if (!is_choice (choices, n, ids[i]))
      return FALSE;
  return TRUE;
}

gboolean
sc_choice_list_has (const char *list,
                    const char *id)
{
  g_auto(GStrv) ids = g_strsplit (list != NULL ? list : "", ",", -1);

  return g_strv_contains ((const char *const *) ids, id);
}

char *
sc_choice_list_set (const char *list,
                    const char *id,
                    gboolean    present)
{
  g_auto(GStrv) ids = g_strsplit (list != NULL ? list : "", ",", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0' && !g_str_equal (ids[i], id))
      g_ptr_array_add (kept, ids[i]);
  if (present)
    g_ptr_array_add (kept, (gpointer) id);
  g_ptr_array_add (kept, NULL);

  return g_strjoinv (",", (char **) kept->pdata);
}

char *
sc_choice_list_labels (const char *field,
                       const char *list)
{
  g_auto(GStrv) ids = g_strsplit (list != NULL ? list : "", ",", -1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0')
      g_ptr_array_add (labels, (gpointer) sc_choice_label (field, ids[i]));
  g_ptr_array_add (labels, NULL);

  return g_strjoinv (", ", (char **) labels->pdata);
}
