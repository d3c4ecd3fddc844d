/* sc-document.c: what a document says, before it is drawn
 *
 * A document is a list of blocks (headings, labelled fields, paragraphs,
 * quotes, list items) read from the vault; sc-document-pdf.c draws it.
 * Nothing here names the child unless the worker chose the full name for
 * this document: the title, the file's name and the metadata carry the
 * initials only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-document"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-addendum.h"
#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-document.h"
#include "sc-records.h"
#include "sc-response.h"
#include "sc-review.h"

static void
block_free (ScBlock *block)
{
  g_free (block->label);
  g_free (block->text);
  g_free (block);
}

ScDocument *
sc_document_new (const char *title,
                 const char *slug,
                 const char *initials)
{
  ScDocument *document = g_new0 (ScDocument, 1);

  document->title = g_strdup (title);
  document->slug = g_strdup (slug);
  /* Initials are a few letters: whatever was typed as them goes into the
   * file's name and the metadata, so no more than eight characters. */
  document->initials = initials != NULL && *initials != '\0'
                       ? g_utf8_substring (initials, 0, MIN (8, g_utf8_strlen (initials, -1)))
                       : g_strdup ("XX");
  document->produced_at = sc_datetime_now_storage ();
  document->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return document;
}

void
sc_document_free (ScDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->title);
  g_free (document->slug);
  g_free (document->initials);
  g_free (document->produced_at);
  g_free (document->audit_head);
  g_ptr_array_unref (document->blocks);
  g_free (document);
}

/* @text as it can be drawn: a noncharacter (which Cairo refuses, ending
 * the drawing there) or a control other than a line break or tab becomes
 * U+FFFD, and a run of 60 characters without a space takes a zero-width
 * space, so that it wraps rather than running off the page. */
static char *
drawable (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint run = 0;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE
          || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
        c = 0xFFFD;
      run = g_unichar_isspace (c) ? 0 : run + 1;
      if (run > 60)
        {
          g_string_append_unichar (out, 0x200B);
          run = 1;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
sc_document_add (ScDocument  *document,
                 ScBlockKind  kind,
                 const char  *label,
                 const char  *text)
{
  ScBlock *block = g_new0 (ScBlock, 1);

  block->kind = kind;
  block->label = drawable (label);
  /* A field with nothing in it says so: a gap the reader can see. */
  block->text = drawable (text != NULL && *text != '\0' ? text
                          : kind == SC_BLOCK_FIELD ? _("Not recorded") : "");
  g_ptr_array_add (document->blocks, block);
}

/* "LADO-referral-JS-2026-11-22.pdf": the document, the initials, the day;
 * only letters, digits and dashes. */
char *
sc_document_suggest_filename (ScDocument *document)
{
  g_autofree char *day = g_strndup (document->produced_at, 10);
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.pdf", document->slug, document->initials, day);

  for (char *c = name; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '.')
      *c = '-';
  return g_steal_pointer (&name);
}

/* "Audit trail at export: 214 entries, head 3f9a2c41d0b7" */
char *
sc_document_describe_audit (ScDocument *document)
{
  g_autofree char *head = g_strndup (document->audit_head != NULL ? document->audit_head : "", 12);

  return g_strdup_printf (_("Audit trail at export: %" G_GUINT64_FORMAT " entries, head %s"),
                          document->audit_entries, head);
}

static void
field (ScDocument *document,
       const char *label,
       const char *text)
{
  sc_document_add (document, SC_BLOCK_FIELD, label, text);
}

static void
field_take (ScDocument *document,
            const char *label,
            char       *text)
{
  sc_document_add (document, SC_BLOCK_FIELD, label, text);
  g_free (text);
}

static void
heading (ScDocument *document,
         const char *text)
{
  sc_document_add (document, SC_BLOCK_HEADING, NULL, text);
}

static char *
when (const char *stored)
{
  return stored != NULL && *stored != '\0' ? sc_datetime_format_display (stored) : g_strdup ("");
}

static char *
choice (const char *field_name,
        ScRecord   *record,
        const char *field)
{
  const char *value = sc_record_get_text (record, field);

  const char *label;

  if (*value == '\0')
    return g_strdup ("");
  if (sc_choice_is_multiple (field_name))
    return sc_choice_list_labels (field_name, value);
  /* A value no longer among the choices is shown as it was kept. */
  label = sc_choice_label (field_name, value);
  return g_strdup (*label != '\0' ? label : value);
}

/* The steps taken, as the response has them: each with its status, who
 * and when, the reference and notes. */
static gboolean
add_steps (ScDocument  *document,
           ScVault     *vault,
           ScProcedure *procedure,
           ScConcern   *concern,
           ScChild     *child,
           GError     **error)
{
  g_autoptr(GPtrArray) items = sc_response_build (vault, procedure, concern, child, error);

  if (items == NULL)
    return FALSE;
  heading (document, _("Steps taken"));
  for (guint i = 0; i < items->len; i++)
    {
      ScResponseItem *item = items->pdata[i];
      ScRecord *r = SC_RECORD (item->record);
      const char *status = sc_record_get_text (r, "status");
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *done_at = when (sc_record_get_text (r, "done-at"));

      if (g_str_equal (status, "done"))
        g_string_append_printf (text, _("Done by %s, %s."), sc_record_get_text (r, "done-by"), done_at);
      else if (g_str_equal (status, "not-needed"))
        g_string_append_printf (text, _("Not needed (%s, %s): %s"), sc_record_get_text (r, "done-by"),
                                done_at, sc_record_get_text (r, "reason"));
      else
        g_string_append (text, _("Not done yet."));
      if (*sc_record_get_text (r, "reference") != '\0')
        g_string_append_printf (text, " %s %s", _("Reference:"), sc_record_get_text (r, "reference"));
      if (*sc_record_get_text (r, "notes") != '\0')
        g_string_append_printf (text, "\n%s", sc_record_get_text (r, "notes"));
      sc_document_add (document, SC_BLOCK_ITEM, sc_procedure_step_get_title (item->step), text->str);
    }
  return TRUE;
}

/* Evidence: what it is and where it is held, never its content. */
static gboolean
add_evidence (ScDocument *document,
              ScVault    *vault,
              gint64      concern_id,
              GError    **error)
{
  g_autoptr(GPtrArray) evidence = sc_evidence_list (vault, concern_id, error);

  if (evidence == NULL)
    return FALSE;
  heading (document, _("Evidence log"));
  if (evidence->len == 0)
    sc_document_add (document, SC_BLOCK_PARAGRAPH, NULL, _("No evidence was recorded."));
  for (guint i = 0; i < evidence->len; i++)
    {
      ScRecord *e = evidence->pdata[i];
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *secured = when (sc_record_get_text (e, "secured-at"));
      const char *parts[][2] = {
        { N_("Held"), sc_record_get_text (e, "held-where") },
        { N_("Secured by"), sc_record_get_text (e, "secured-by") },
        { N_("Secured"), secured },
        { N_("Addresses"), sc_record_get_text (e, "urls") },
        { N_("User names"), sc_record_get_text (e, "usernames") },
      };

      for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
        if (*parts[j][1] != '\0')
          g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "", _(parts[j][0]),
                                  parts[j][1]);
      /* Whether a file is held, not what it is called or shows. */
      if (*sc_record_get_text (e, "file-name") != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                                _("A file is held in the encrypted vault; it is not part of this "
                                  "document."));
      sc_document_add (document, SC_BLOCK_ITEM, sc_record_get_text (e, "what"), text->str);
    }
  return TRUE;
}

static gboolean
add_contacts (ScDocument *document,
              ScVault    *vault,
              gint64      concern_id,
              GError    **error)
{
  g_autoptr(GPtrArray) contacts = sc_records_list_contacts_for_concern (vault, concern_id, error);

  if (contacts == NULL)
    return FALSE;
  heading (document, _("Contacts about this concern"));
  if (contacts->len == 0)
    sc_document_add (document, SC_BLOCK_PARAGRAPH, NULL, _("No contact is linked to this concern."));
  /* Oldest first, as a chronology reads. */
  for (guint i = contacts->len; i-- > 0;)
    {
      ScRecord *c = contacts->pdata[i];
      g_autofree char *at = when (sc_record_get_text (c, "happened-at"));
      g_autofree char *title = g_strdup_printf ("%s · %s, %s", at,
                                                sc_choice_label ("channel", sc_record_get_text (c, "channel")),
                                                sc_choice_label ("direction", sc_record_get_text (c, "direction")));

      sc_document_add (document, SC_BLOCK_ITEM, title, sc_record_get_text (c, "summary"));
    }
  return TRUE;
}

static gboolean
add_reviews_and_addenda (ScDocument *document,
                         ScVault    *vault,
                         ScConcern  *concern,
                         GError    **error)
{
  gint64 id = sc_record_get_id (SC_RECORD (concern));
  g_autoptr(GPtrArray) reviews = sc_reviews_for_concern (vault, id, error);
  g_autoptr(GPtrArray) addenda = NULL;
  guint n_addenda = 0;

  if (reviews == NULL
      || !(addenda = sc_addenda_for_child (vault, sc_record_get_int64 (SC_RECORD (concern), "child-id"),
                                           error)))
    return FALSE;
  heading (document, _("Manager’s sign-off"));
  if (reviews->len == 0)
    sc_document_add (document, SC_BLOCK_PARAGRAPH, NULL, _("No manager has signed off this concern yet."));
  for (guint i = 0; i < reviews->len; i++)
    {
      ScRecord *r = reviews->pdata[i];
      g_autofree char *signed_at = when (sc_record_get_text (r, "signed-at"));
      g_autofree char *title = g_strdup_printf (_("%s (%s), %s: %s"), sc_record_get_text (r, "manager"),
                                                sc_record_get_text (r, "role"), signed_at,
                                                sc_choice_label ("decision", sc_record_get_text (r, "decision")));

      sc_document_add (document, SC_BLOCK_ITEM, title, sc_record_get_text (r, "comments"));
    }

  heading (document, _("Addenda"));
  for (guint i = 0; i < addenda->len; i++)
    {
      ScRecord *a = addenda->pdata[i];
      g_autofree char *written = NULL;
      g_autofree char *title = NULL;

      if (sc_record_get_int64 (a, "concern-id") != id)
        continue;
      written = when (sc_record_get_text (a, "written-at"));
      title = g_strdup_printf (_("By %s, %s"), sc_record_get_text (a, "author"), written);
      sc_document_add (document, SC_BLOCK_ITEM, title, sc_record_get_text (a, "text"));
      n_addenda++;
    }
  if (n_addenda == 0)
    sc_document_add (document, SC_BLOCK_PARAGRAPH, NULL, _("No addendum corrects this concern."));
  return TRUE;
}

/* The LADO referral pack for @concern: who refers, the adult, the
 * allegation, the child (initials unless @full_name), the disclosure in
 * the child's own words, the steps taken, the evidence log, the contacts,
 * the manager's sign-off and the addenda; the audit chain's head as it
 * is now. */
ScDocument *
sc_document_lado_referral (ScVault     *vault,
                           ScProcedure *procedure,
                           ScConcern   *concern,
                           gboolean     full_name,
                           GError     **error)
{
  ScRecord *c = SC_RECORD (concern);
  g_autoptr(ScChild) child = NULL;
  g_autoptr(ScDocument) document = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *produced = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (SC_IS_CONCERN (concern), NULL);

  if (!(child = sc_records_load (vault, SC_TYPE_CHILD, sc_record_get_int64 (c, "child-id"), error)))
    return NULL;
  initials = sc_child_dup_initials (child);
  document = sc_document_new (_("LADO referral"), "LADO-referral", initials);
  if (!sc_vault_get_audit_head (vault, &document->audit_entries, &document->audit_head, error))
    return NULL;
  produced = when (document->produced_at);

  heading (document, _("Referral"));
  field (document, _("Referred by"), sc_vault_get_worker_name (vault));
  field (document, _("Produced"), produced);
  field_take (document, _("Concern recorded"), when (sc_record_get_text (c, "recorded-at")));

  heading (document, _("The adult"));
  field (document, _("Who"), sc_record_get_text (c, "other-party"));
  field (document, _("Role"), sc_record_get_text (c, "adult-role"));
  field (document, _("Employer or setting"), sc_record_get_text (c, "adult-employer"));
  field_take (document, _("Works with children"), choice ("adult-works-with-children", c,
                                                          "adult-works-with-children"));
  field (document, _("Staff of the placement or service"),
         sc_record_get_boolean (c, "adult-is-staff") ? _("Yes") : _("No"));
  field (document, _("Other work with children"), sc_record_get_text (c, "adult-other-work"));
  field_take (document, _("Children of their own"), choice ("adult-own-children", c,
                                                            "adult-own-children"));
  field (document, _("Previous concerns known"), sc_record_get_text (c, "adult-previous-concerns"));

  heading (document, _("The allegation"));
  field_take (document, _("Category"), choice ("area", c, "area"));
  field_take (document, _("Kind"), choice ("incident-types", c, "incident-types"));
  field (document, _("What happened"), sc_record_get_text (c, "summary"));
  field_take (document, _("When"), when (sc_record_get_text (c, "happened-at")));
  field_take (document, _("Where"), choice ("location", c, "location"));
  /* Which setting, only where it happened in one. */
  if (g_str_equal (sc_record_get_text (c, "location"), "setting")
      || *sc_record_get_text (c, "setting-type") != '\0')
    field_take (document, _("Setting"), choice ("setting-type", c, "setting-type"));
  field_take (document, _("Through"), choice ("media", c, "media"));
  {
    g_autofree char *disclosed = when (sc_record_get_text (c, "disclosed-at"));

    field_take (document, _("How it came to light"),
                g_strdup_printf (_("Disclosed %s by %s"),
                                 *disclosed != '\0' ? disclosed : _("(time not recorded)"),
                                 *sc_record_get_text (c, "disclosed-by") != '\0'
                                 ? sc_record_get_text (c, "disclosed-by") : _("(not recorded)")));
  }

  heading (document, _("The child"));
  field (document, full_name ? _("Name") : _("Initials"),
         full_name ? sc_record_get_text (SC_RECORD (child), "name") : initials);
  field_take (document, _("Date of birth"),
              *sc_record_get_text (SC_RECORD (child), "date-of-birth") != '\0'
              ? sc_date_format_display (sc_record_get_text (SC_RECORD (child), "date-of-birth"))
              : g_strdup (""));
  field_take (document, _("Placement"), choice ("placement", SC_RECORD (child), "placement"));
  field_take (document, _("Legal status"), choice ("legal-status", SC_RECORD (child), "legal-status"));
  field (document, _("Case reference"), sc_record_get_text (SC_RECORD (child), "case-reference"));

  heading (document, _("In the child’s own words"));
  if (*sc_record_get_text (c, "own-words") != '\0')
    sc_document_add (document, SC_BLOCK_QUOTE, NULL, sc_record_get_text (c, "own-words"));
  else
    sc_document_add (document, SC_BLOCK_PARAGRAPH, NULL, _("The child’s own words were not recorded."));

  if (!add_steps (document, vault, procedure, concern, child, error)
      || !add_evidence (document, vault, sc_record_get_id (c), error)
      || !add_contacts (document, vault, sc_record_get_id (c), error)
      || !add_reviews_and_addenda (document, vault, concern, error))
    return NULL;
  return g_steal_pointer (&document);
}

/* A box for each of @field's choices, ticked where @value (one id, or a
 * list of them) has it. */
static void
checks (ScDocument *document,
        const char *field_name,
        const char *value)
{
  guint n = 0;
  const ScChoice *choices = sc_choices_for (field_name, &n);

  for (guint i = 0; i < n; i++)
    {
      gboolean ticked = sc_choice_is_multiple (field_name) ? sc_choice_list_has (value, choices[i].id)
                                                            : g_strcmp0 (value, choices[i].id) == 0;

      sc_document_add (document, SC_BLOCK_CHECK, _(choices[i].label), ticked ? "x" : "");
    }
}

/* A box of Appendix 1 whose words are not the procedure's: ticked for any
 * of @ids (a comma-separated list of the procedure's answers). */
typedef struct
{
  const char *label;
  const char *ids;
} AppendixBox;

/* Appendix 1 asks "Adult on adult"; the procedure tells staff from the
 * public. */
static const AppendixBox involvement_boxes[] = {
  { N_("Child on child"), "child-on-child" },
  { N_("Child on adult"), "child-on-adult" },
  { N_("Adult on child"), "adult-on-child" },
  { N_("Adult on adult"), "staff-on-staff,public-on-staff" },
};

/* Appendix 1's settings, in its order ("Other" among them, by the
 * alphabet). */
static const AppendixBox setting_boxes[] = {
  { N_("After school club"), "after-school-club" },
  { N_("Breakfast club"), "breakfast-club" },
  { N_("Childminder"), "childminder" },
  { N_("Children’s centre"), "childrens-centre" },
  { N_("Foster home"), "foster-home" },
  { N_("High school"), "high-school" },
  { N_("Home"), "home" },
  { N_("Infant school"), "infant-school" },
  { N_("Internet café"), "internet-cafe" },
  { N_("Junior school"), "junior-school" },
  { N_("Library"), "library" },
  { N_("Nursery"), "nursery" },
  { N_("Office"), "office" },
  { N_("Other"), "other" },
  { N_("Post 16 education"), "post-16" },
  { N_("Residential home"), "residential-home" },
  { N_("Sports club"), "sports-club" },
  { N_("Youth centre"), "youth-centre" },
};

/* Appendix 1 names the messaging systems of its day; any free messaging
 * app is its "BBM or other free system", and MSN is left for paper. */
static const AppendixBox media_boxes[] = {
  { N_("Social networking"), "social-networking" },
  { N_("BBM or other free system"), "messaging" },
  { N_("MSN"), "" },
  { N_("Email"), "email" },
  { N_("Webcam"), "webcam" },
  { N_("Mobile phone"), "mobile-phone" },
  { N_("Games console"), "games-console" },
  { N_("Other"), "other" },
};

static void
appendix_checks (ScDocument        *document,
                 const AppendixBox *boxes,
                 guint              n_boxes,
                 const char        *value)
{
  g_auto(GStrv) given = g_strsplit (value, ",", -1);

  for (guint i = 0; i < n_boxes; i++)
    {
      g_auto(GStrv) ids = g_strsplit (boxes[i].ids, ",", -1);
      gboolean ticked = FALSE;

      for (guint j = 0; ids[j] != NULL && !ticked; j++)
        ticked = *ids[j] != '\0' && g_strv_contains ((const char *const *) given, ids[j]);
      sc_document_add (document, SC_BLOCK_CHECK, _(boxes[i].label), ticked ? "x" : "");
    }
}

/* The child's age in whole years on @stored_at's day, or NULL. */
static char *
age_at (const char *date_of_birth,
        const char *stored_at)
{
  int by, bm, bd, y, m, d, age;

  if (date_of_birth == NULL || stored_at == NULL
      || sscanf (date_of_birth, "%4d-%2d-%2d", &by, &bm, &bd) != 3
      || sscanf (stored_at, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  age = y - by - ((m < bm || (m == bm && d < bd)) ? 1 : 0);
  return age >= 0 && age < 30 ? g_strdup_printf ("%d", age) : NULL;
}

/* The e-safety incident monitoring form (the procedure's Appendix 1), its
 * boxes ticked from the concern and the steps done; no name, only the
 * child's age. */
ScDocument *
sc_document_monitoring_form (ScVault     *vault,
                             ScProcedure *procedure,
                             ScConcern   *concern,
                             GError     **error)
{
  ScRecord *c = SC_RECORD (concern);
  g_autoptr(ScChild) child = NULL;
  g_autoptr(ScDocument) document = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *happened_day = NULL;
  g_autoptr(GString) other_actions = g_string_new (NULL);
  gboolean lado = FALSE, social_care = FALSE, parents = FALSE, police = FALSE;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (SC_IS_CONCERN (concern), NULL);

  if (!(child = sc_records_load (vault, SC_TYPE_CHILD, sc_record_get_int64 (c, "child-id"), error))
      || !(items = sc_response_build (vault, procedure, concern, child, error)))
    return NULL;
  initials = sc_child_dup_initials (child);
  document = sc_document_new (_("E-safety incident monitoring form"), "monitoring-form", initials);
  if (!sc_vault_get_audit_head (vault, &document->audit_entries, &document->audit_head, error))
    return NULL;

  /* What was done, as the steps marked done say. */
  for (guint i = 0; i < items->len; i++)
    {
      ScResponseItem *item = items->pdata[i];
      const char *kind = sc_procedure_step_get_kind (item->step);
      const char *id = sc_procedure_step_get_id (item->step);

      if (!g_str_equal (sc_record_get_text (SC_RECORD (item->record), "status"), "done"))
        continue;

      /* As Appendix 1 means them: a referral, not advice or a thought;
       * calling 999 is not an investigation. */
      if (g_str_equal (kind, "lado"))
        lado = TRUE;
      else if (g_str_equal (id, "child-protection"))
        social_care = TRUE;
      else if (g_str_equal (kind, "parents-carers"))
        parents = TRUE;
      else if (g_str_equal (kind, "police") && !g_str_equal (id, "immediate-danger"))
        police = TRUE;
      else if (g_str_equal (kind, "provider-takedown") || g_str_equal (kind, "hr-disciplinary"))
        g_string_append_printf (other_actions, "%s%s", other_actions->len > 0 ? "; " : "",
                                sc_procedure_step_get_title (item->step));
    }

  heading (document, _("The incident"));
  happened_day = when (sc_record_get_text (c, "happened-at"));
  field (document, _("Date of incident"), happened_day);
  /* Appendix 1 asks the age of every child involved. */
  {
    g_autofree char *age = age_at (sc_record_get_text (SC_RECORD (child), "date-of-birth"),
                                   sc_record_get_text (c, "happened-at"));
    const char *other = sc_record_get_text (c, "other-child-age");

    if (sc_concern_child_alleged (concern))
      field_take (document, _("Ages of the children involved"),
                  g_strdup_printf (_("%s; the other child: %s"), age != NULL ? age : _("not known"),
                                   *other != '\0' ? other : _("not known")));
    else
      field (document, _("Age of the child involved"), age);
  }

  /* Appendix 1's boxes, in its order; where it has fewer than the
   * procedure, the procedure's answer is said beside them. */
  heading (document, _("Who was involved?"));
  appendix_checks (document, involvement_boxes, G_N_ELEMENTS (involvement_boxes),
                   sc_record_get_text (c, "involvement"));
  if (g_str_has_suffix (sc_record_get_text (c, "involvement"), "-on-staff"))
    field_take (document, _("Who was involved, in full"), choice ("involvement", c, "involvement"));
  heading (document, _("Type of setting"));
  /* Content made at home is the Appendix's "Home" setting too, whatever
   * setting was chosen as well. */
  {
    g_autofree char *settings = g_strconcat (sc_record_get_text (c, "setting-type"),
                                             g_str_equal (sc_record_get_text (c, "location"), "home")
                                             ? ",home" : "", NULL);

    appendix_checks (document, setting_boxes, G_N_ELEMENTS (setting_boxes), settings);
  }
  if (g_str_equal (sc_record_get_text (c, "setting-type"), "other"))
    field (document, _("Other setting"), sc_record_get_text (c, "setting-other"));
  heading (document, _("Type of incident"));
  checks (document, "incident-types", sc_record_get_text (c, "incident-types"));
  if (sc_choice_list_has (sc_record_get_text (c, "incident-types"), "other"))
    field (document, _("Other incident"), sc_record_get_text (c, "incident-other"));
  heading (document, _("What media was used?"));
  appendix_checks (document, media_boxes, G_N_ELEMENTS (media_boxes), sc_record_get_text (c, "media"));
  if (sc_choice_list_has (sc_record_get_text (c, "media"), "other"))
    field (document, _("Other media"), sc_record_get_text (c, "media-other"));

  heading (document, _("What action was taken?"));
  sc_document_add (document, SC_BLOCK_CHECK, _("Referral to the LADO"), lado ? "x" : "");
  sc_document_add (document, SC_BLOCK_CHECK, _("Referral to children’s social care"),
                   social_care ? "x" : "");
  sc_document_add (document, SC_BLOCK_CHECK, _("Advice to parents"), parents ? "x" : "");
  sc_document_add (document, SC_BLOCK_CHECK, _("Police investigation"), police ? "x" : "");
  sc_document_add (document, SC_BLOCK_CHECK, _("Other"), other_actions->len > 0 ? "x" : "");
  if (other_actions->len > 0)
    field (document, _("Other action"), other_actions->str);

  heading (document, _("For the Safeguarding Children Unit"));
  sc_document_add (document, SC_BLOCK_PARAGRAPH, NULL,
                   _("Date form received by the Safeguarding Children Unit: ____________"));
  return g_steal_pointer (&document);
}

/* What a duty officer needs first, on one page: who, what, when, where,
 * the adult, whether anyone is in danger now, what evidence is held and
 * who to call back; then the detail: the child's own words, the steps
 * taken and the evidence log. Initials and age, never the name. */
ScDocument *
sc_document_police_summary (ScVault     *vault,
                            ScProcedure *procedure,
                            ScConcern   *concern,
                            GError     **error)
{
  ScRecord *c = SC_RECORD (concern);
  g_autoptr(ScChild) child = NULL;
  g_autoptr(ScDocument) document = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *age = NULL;
  g_autofree char *danger = NULL;
  g_autoptr(GString) held = g_string_new (NULL);

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (SC_IS_CONCERN (concern), NULL);

  if (!(child = sc_records_load (vault, SC_TYPE_CHILD, sc_record_get_int64 (c, "child-id"), error))
      || !(items = sc_response_build (vault, procedure, concern, child, error))
      || !(evidence = sc_evidence_list (vault, sc_record_get_id (c), error)))
    return NULL;
  initials = sc_child_dup_initials (child);
  document = sc_document_new (_("Police referral summary"), "police-summary", initials);
  if (!sc_vault_get_audit_head (vault, &document->audit_entries, &document->audit_head, error))
    return NULL;
  age = age_at (sc_record_get_text (SC_RECORD (child), "date-of-birth"),
                sc_record_get_text (c, "happened-at"));
  for (guint i = 0; i < items->len; i++)
    {
      ScResponseItem *item = items->pdata[i];

      if (g_str_equal (sc_procedure_step_get_id (item->step), "immediate-danger"))
        {
          const char *status = sc_record_get_text (SC_RECORD (item->record), "status");

          danger = g_str_equal (status, "not-needed")
                   ? g_strdup_printf (_("No one was judged in immediate danger: %s"),
                                      sc_record_get_text (SC_RECORD (item->record), "reason"))
                   : g_str_equal (status, "done") ? g_strdup (_("999 was called."))
                   : g_strdup (_("Not yet judged: ask the referrer."));
        }
    }
  for (guint i = 0; i < evidence->len; i++)
    g_string_append_printf (held, "%s%s%s%s", held->len > 0 ? "; " : "",
                            sc_record_get_text (evidence->pdata[i], "what"),
                            *sc_record_get_text (evidence->pdata[i], "held-where") != '\0' ? ", " : "",
                            sc_record_get_text (evidence->pdata[i], "held-where"));

  heading (document, _("For the duty officer"));
  field_take (document, _("Child"), age != NULL ? g_strdup_printf (_("%s, aged %s"), initials, age)
                                                : g_strdup (initials));
  field_take (document, _("What"), choice ("area", c, "area"));
  field (document, _("What happened"), sc_record_get_text (c, "summary"));
  field_take (document, _("When"), when (sc_record_get_text (c, "happened-at")));
  field_take (document, _("Where"), choice ("location", c, "location"));
  field_take (document, _("Through"), choice ("media", c, "media"));
  field (document, _("Who is alleged"), sc_record_get_text (c, "other-party"));
  field (document, _("Their role"), sc_record_get_text (c, "adult-role"));
  /* The age of criminal responsibility (10) is the other child's. */
  if (sc_concern_child_alleged (concern))
    field (document, _("Their age"), *sc_record_get_text (c, "other-child-age") != '\0'
                                     ? sc_record_get_text (c, "other-child-age") : _("not known"));
  field (document, _("Immediate danger"), danger);
  field (document, _("Evidence held"), held->str);
  field (document, _("Referred by"), sc_vault_get_worker_name (vault));

  heading (document, _("In the child’s own words"));
  if (*sc_record_get_text (c, "own-words") != '\0')
    sc_document_add (document, SC_BLOCK_QUOTE, NULL, sc_record_get_text (c, "own-words"));
  else
    sc_document_add (document, SC_BLOCK_PARAGRAPH, NULL, _("The child’s own words were not recorded."));
  if (!add_steps (document, vault, procedure, concern, child, error)
      || !add_evidence (document, vault, sc_record_get_id (c), error))
    return NULL;
  return g_steal_pointer (&document);
}

/* A child's chronology as courts read it: serial number, date and time,
 * event, source; of the @kinds of record, from @from (NULL: all time). */
ScDocument *
sc_document_chronology (ScVault           *vault,
                        ScProcedure       *procedure,
                        gint64             child_id,
                        ScChronologyKinds  kinds,
                        const char        *from,
                        GError           **error)
{
  g_autoptr(ScChild) child = NULL;
  g_autoptr(ScDocument) document = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *since = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!(child = sc_records_load (vault, SC_TYPE_CHILD, child_id, error))
      || !(lines = sc_chronology_build (vault, procedure, child_id, kinds, from, NULL, error)))
    return NULL;
  initials = sc_child_dup_initials (child);
  document = sc_document_new (_("Chronology"), "chronology", initials);
  if (!sc_vault_get_audit_head (vault, &document->audit_entries, &document->audit_head, error))
    return NULL;
  since = when (from);
  heading (document, _("Whose, and what it covers"));
  field (document, _("Child"), initials);
  field (document, _("Period"), from != NULL ? since : _("All time"));
  field (document, _("Records"), kinds == SC_CHRONOLOGY_ALL ? _("Every kind") : _("Some kinds only"));
  heading (document, _("Chronology"));
  if (lines->len == 0)
    sc_document_add (document, SC_BLOCK_PARAGRAPH, NULL, _("Nothing was recorded in this period."));
  for (guint i = 0; i < lines->len; i++)
    {
      ScChronologyEntry *entry = lines->pdata[i];
      g_autofree char *at = when (sc_chronology_entry_get_at (entry));
      g_autofree char *title = g_strdup_printf ("%u · %s", sc_chronology_entry_get_serial (entry), at);
      g_autofree char *text = g_strdup_printf ("%s\n%s %s", sc_chronology_entry_get_event (entry),
                                               _("Source:"), sc_chronology_entry_get_source (entry));

      sc_document_add (document, SC_BLOCK_ITEM, title, text);
    }
  return g_steal_pointer (&document);
}

ScDocument *
sc_document_build (ScDocumentKind kind,
                   ScVault       *vault,
                   ScProcedure   *procedure,
                   ScConcern     *concern,
                   gboolean       full_name,
                   GError       **error)
{
  switch (kind)
    {
    case SC_DOCUMENT_LADO_REFERRAL:
      return sc_document_lado_referral (vault, procedure, concern, full_name, error);
    case SC_DOCUMENT_MONITORING_FORM:
      return sc_document_monitoring_form (vault, procedure, concern, error);
    case SC_DOCUMENT_POLICE_SUMMARY:
      return sc_document_police_summary (vault, procedure, concern, error);
    case SC_DOCUMENT_CHRONOLOGY:
      return sc_document_chronology (vault, procedure, sc_record_get_int64 (SC_RECORD (concern), "child-id"),
                                     SC_CHRONOLOGY_ALL, NULL, error);
    default:
      g_return_val_if_reached (NULL);
    }
}
