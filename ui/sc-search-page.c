/* sc-search-page.c: search across every child's records
 *
 * What sc_records_search() finds for the words typed, grouped under each
 * child's name, the matched words in bold; a result opens its record
 * (the child, the concern, or the contacts) through the window's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-search-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-records.h"
#include "sc-search-page.h"

#define MAX_RESULTS 200

struct _ScSearchPage
{
  ScPage          parent_instance;

  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkBox         *results_box;   /* a group for each child, a row for each result */
};

G_DEFINE_FINAL_TYPE (ScSearchPage, sc_search_page, SC_TYPE_PAGE)

static const char *
kind_label (ScSearchKind kind)
{
  switch (kind)
    {
    case SC_SEARCH_CHILD:
      return _("Child’s details");
    case SC_SEARCH_CONCERN:
      return _("Concern");
    case SC_SEARCH_STEP:
      return _("Step of a response");
    case SC_SEARCH_EVIDENCE:
      return _("Evidence");
    case SC_SEARCH_CONTACT:
      return _("Contact");
    case SC_SEARCH_REVIEW:
      return _("Manager’s review");
    case SC_SEARCH_ADDENDUM:
    case SC_SEARCH_CONTACT_ADDENDUM:
      return _("Addendum");
    default:
      return "";
    }
}

/* One result: what it is and when, the words around the match; selecting
 * it opens the record. */
static GtkWidget *
result_row_new (const ScSearchHit *hit)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = sc_datetime_format_display (hit->at);
  g_autofree char *title = g_markup_printf_escaped ("%s · %s", kind_label (hit->kind), when);
  gboolean about_contacts = hit->kind == SC_SEARCH_CONTACT
                            || hit->kind == SC_SEARCH_CONTACT_ADDENDUM;
  const char *action = hit->kind == SC_SEARCH_CHILD ? "window.show-child"
                       : about_contacts ? "window.show-contacts"
                       : "window.show-concern";
  gint64 target = hit->kind == SC_SEARCH_CHILD || about_contacts ? hit->child_id : hit->record_id;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hit->markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  return row;
}


static void
show_results (ScSearchPage *self,
              const char   *text)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  g_autofree char *query = sc_search_query_from_text (text);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group = NULL, *old;
  gint64 last_child = 0;

  while ((old = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_box_remove (self->results_box, old);
  if (vault == NULL || query == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }
  if (!(hits = sc_records_search (vault, text, MAX_RESULTS, &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (GTK_WIDGET (self), sentence);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      ScSearchHit *hit = hits->pdata[i];

      /* Each child's name heads their results. */
      if (group == NULL || hit->child_id != last_child)
        {
          g_autofree char *name = g_markup_escape_text (hit->child_name, -1);

          /* A group's title is markup: a name is text ("Tom & Jerry"). */
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), name);
          gtk_box_append (self->results_box, group);
        }
      last_child = hit->child_id;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), result_row_new (hit));
    }
  gtk_stack_set_visible_child_name (self->stack, hits->len > 0 ? "results" : "none");
}

static void
search_changed_cb (ScSearchPage *self)
{
  show_results (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Searches for @text, as if typed. */
void
sc_search_page_search (ScSearchPage *self,
                       const char   *text)
{
  g_return_if_fail (SC_IS_SEARCH_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  show_results (self, text);
}

static void
sc_search_page_show (ScPage *page)
{
  ScSearchPage *self = SC_SEARCH_PAGE (page);

  if (self->search_entry == NULL)
    return;   /* disposed */
  /* Locked, or another vault: nothing found before stays on screen. */
  if (sc_page_get_vault (page) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  show_results (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static gboolean
sc_search_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SC_SEARCH_PAGE (widget)->search_entry));
}

static void
sc_search_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_SEARCH_PAGE);
  sc_form_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (sc_search_page_parent_class)->dispose (object);
}

static void
sc_search_page_class_init (ScSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_search_page_dispose;
  widget_class->grab_focus = sc_search_page_grab_focus;
  SC_PAGE_CLASS (klass)->show = sc_search_page_show;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScSearchPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScSearchPage, results_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
sc_search_page_init (ScSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "start");
}
