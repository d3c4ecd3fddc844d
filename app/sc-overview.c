/* sc-overview.c: what a manager reviews first, across the caseload
 *
 * Read from the repository, never written: the steps past their due time
 * (a LADO referral past its working day before anything else), the
 * personal-device contacts no manager has approved, the open concerns no
 * manager has reviewed for @review_days days, the final ones no review has
 * signed off since they became final, and every open concern. Each
 * line names the window action that opens its record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-overview"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-addendum.h"
#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-overview.h"
#include "sc-records.h"
#include "sc-response.h"
#include "sc-review.h"

#define MAX_CONTACTS 10000

static void
item_free (ScOverviewItem *item)
{
  g_free (item->title);
  g_free (item->subtitle);
  g_free (item);
}

void
sc_overview_free (ScOverview *overview)
{
  if (overview == NULL)
    return;
  for (guint i = 0; i < SC_OVERVIEW_N_SECTIONS; i++)
    g_clear_pointer (&overview->sections[i], g_ptr_array_unref);
  g_free (overview);
}

static void
add_item (ScOverview        *overview,
          ScOverviewSection  section,
          const char        *action,
          gint64             target,
          char              *title,
          char              *subtitle)
{
  ScOverviewItem *item = g_new0 (ScOverviewItem, 1);

  item->title = title;
  item->subtitle = subtitle;
  item->action = action;
  item->target = target;
  g_ptr_array_add (overview->sections[section], item);
}

/* "AJ · Messages from a stranger": which child, which concern. */
static char *
concern_title (ScVault   *vault,
               ScConcern *concern,
               GHashTable *initials)
{
  gint64 child_id = sc_record_get_int64 (SC_RECORD (concern), "child-id");
  const char *who = g_hash_table_lookup (initials, &child_id);

  if (who == NULL)
    {
      g_autoptr(ScChild) child = sc_records_load (vault, SC_TYPE_CHILD, child_id, NULL);
      gint64 *key = g_new (gint64, 1);

      *key = child_id;
      who = child != NULL ? sc_child_dup_initials (child) : g_strdup ("?");
      g_hash_table_insert (initials, key, (gpointer) who);
    }
  return g_strdup_printf ("%s · %s", who, sc_record_get_text (SC_RECORD (concern), "summary"));
}

typedef struct
{
  gboolean  lado;
  char     *due;
  char     *title;
  char     *subtitle;
  gint64    concern_id;
} Overdue;

static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  const Overdue *x = *(Overdue *const *) a, *y = *(Overdue *const *) b;

  if (x->lado != y->lado)
    return x->lado ? -1 : 1;
  return strcmp (x->due, y->due);
}

static void
overdue_free (Overdue *overdue)
{
  g_free (overdue->due);
  g_free (overdue->title);
  g_free (overdue->subtitle);
  g_free (overdue);
}

static gboolean
add_concern_lines (ScOverview  *overview,
                   ScVault     *vault,
                   ScProcedure *procedure,
                   ScConcern   *concern,
                   GDateTime   *now,
                   guint        review_days,
                   GHashTable  *initials,
                   GPtrArray   *overdue,
                   GError     **error)
{
  gint64 id = sc_record_get_id (SC_RECORD (concern));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GDateTime) cutoff = g_date_time_add_days (now, -(gint) review_days);
  g_autofree char *cutoff_text = sc_datetime_to_storage (cutoff);
  g_autofree char *title = concern_title (vault, concern, initials);
  const char *last_seen;
  g_autofree char *recorded = sc_datetime_format_display (sc_record_get_text (SC_RECORD (concern),
                                                                              "recorded-at"));

  if (!(items = sc_response_build (vault, procedure, concern, NULL, error))
      || !(reviews = sc_reviews_for_concern (vault, id, error)))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      ScResponseItem *item = items->pdata[i];
      Overdue *late;
      g_autofree char *due = NULL;

      if (!sc_response_is_overdue (item->record, now))
        continue;
      late = g_new0 (Overdue, 1);
      late->lado = g_str_equal (sc_procedure_step_get_kind (item->step), "lado");
      late->due = g_strdup (sc_record_get_text (SC_RECORD (item->record), "due-at"));
      due = sc_datetime_format_display (late->due);
      late->title = g_strdup_printf ("%s: %s", sc_procedure_step_get_title (item->step), title);
      late->subtitle = g_strdup_printf (_("Was due %s"), due);
      late->concern_id = id;
      g_ptr_array_add (overdue, late);
    }

  /* Reviewed lately, or not since it was recorded. */
  last_seen = reviews->len > 0
              ? sc_record_get_text (reviews->pdata[reviews->len - 1], "signed-at")
              : sc_record_get_text (SC_RECORD (concern), "recorded-at");
  if (strcmp (last_seen, cutoff_text) < 0)
    {
      g_autofree char *when = sc_datetime_format_display (last_seen);

      add_item (overview, SC_OVERVIEW_NOT_REVIEWED, "window.show-concern", id, g_strdup (title),
                reviews->len > 0 ? g_strdup_printf (_("Last reviewed %s"), when)
                                 : g_strdup_printf (_("Never reviewed; recorded %s"), when));
    }

  /* Final, and no review signed since: the record as it stands awaits a
   * manager's sign-off. */
  {
    g_autoptr(GError) local_error = NULL;
    g_autofree char *since = sc_records_final_since (vault, SC_RECORD (concern), now,
                                                     sc_vault_get_final_after_hours (vault),
                                                     &local_error);

    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
    if (since != NULL
        && (reviews->len == 0
            || strcmp (sc_record_get_text (reviews->pdata[reviews->len - 1], "signed-at"), since) < 0))
      {
        g_autofree char *when = sc_datetime_format_display (since);

        add_item (overview, SC_OVERVIEW_FINAL_UNSIGNED, "window.show-concern", id, g_strdup (title),
                  g_strdup_printf (_("Final since %s; not signed off since"), when));
      }
  }

  add_item (overview, SC_OVERVIEW_OPEN, "window.show-concern", id, g_strdup (title),
            g_strdup_printf (_("%s, recorded %s"),
                             sc_choice_label ("status",
                                              sc_record_get_text (SC_RECORD (concern), "status")),
                             recorded));
  return TRUE;
}

ScOverview *
sc_overview_build (ScVault      *vault,
                   ScProcedure  *procedure,
                   GDateTime    *now,
                   guint         review_days,
                   GError      **error)
{
  g_autoptr(ScOverview) overview = g_new0 (ScOverview, 1);
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) overdue_free);
  g_autoptr(GHashTable) initials = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          g_free);
  g_autoptr(ScQuery) query = sc_query_new ();

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  for (guint i = 0; i < SC_OVERVIEW_N_SECTIONS; i++)
    overview->sections[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  if (!(concerns = sc_records_list_open_concerns (vault, error)))
    return NULL;
  for (guint i = 0; i < concerns->len; i++)
    if (!add_concern_lines (overview, vault, procedure, concerns->pdata[i], now, review_days,
                            initials, overdue, error))
      return NULL;
  g_ptr_array_sort (overdue, compare_overdue);
  for (guint i = 0; i < overdue->len; i++)
    {
      Overdue *late = overdue->pdata[i];

      add_item (overview, SC_OVERVIEW_OVERDUE, "window.show-concern", late->concern_id,
                g_steal_pointer (&late->title), g_steal_pointer (&late->subtitle));
    }

  query->personal_only = TRUE;
  if (!(contacts = sc_records_list_contacts (vault, query, 0, MAX_CONTACTS, error)))
    return NULL;
  for (guint i = 0; i < contacts->len; i++)
    {
      ScContact *contact = contacts->pdata[i];
      g_autofree char *when = NULL;

      if (!sc_contact_is_breach (contact))
        continue;
      when = sc_datetime_format_display (sc_record_get_text (SC_RECORD (contact), "happened-at"));
      add_item (overview, SC_OVERVIEW_APPROVALS, "window.show-contacts", 0,
                g_strdup_printf ("%s, %s", sc_choice_label ("channel",
                                                            sc_record_get_text (SC_RECORD (contact),
                                                                                "channel")),
                                 when),
                g_strdup (sc_record_get_text (SC_RECORD (contact), "summary")));
    }
  return g_steal_pointer (&overview);
}
