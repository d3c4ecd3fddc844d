/* sc-chronology-page.c: a child's chronology
 *
 * The lines sc_chronology_build() gives for the page's child, filtered by
 * kind and period; a line opens its record through the window action it
 * names. No vault work but the one read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-chronology-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-chronology.h"
#include "sc-chronology-page.h"
#include "sc-chronology-row.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-export.h"
#include "sc-form.h"

struct _ScChronologyPage
{
  ScPage       parent_instance;

  GtkLabel    *intro_label;
  GtkDropDown *kind_filter;
  GtkDropDown *period_filter;
  GtkLabel    *status_label;
  GtkStack    *stack;
  GtkListView *list_view;

  GListStore  *entries;
};

G_DEFINE_FINAL_TYPE (ScChronologyPage, sc_chronology_page, SC_TYPE_PAGE)

/* The kind filter's choices, in its order. */
static const ScChronologyKinds kinds[] = {
  SC_CHRONOLOGY_ALL, SC_CHRONOLOGY_CONCERN, SC_CHRONOLOGY_STEP, SC_CHRONOLOGY_EVIDENCE,
  SC_CHRONOLOGY_CONTACT, SC_CHRONOLOGY_REVIEW, SC_CHRONOLOGY_ADDENDUM,
};

/* The period filter's choices: months back, 0 for all time. */
static const int months[] = { 0, 3, 12 };

/* What the filters choose: the kinds of record, and the start (NULL: all
 * time). */
static char *
current_filter (ScChronologyPage  *self,
                ScChronologyKinds *chosen)
{
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint period = gtk_drop_down_get_selected (self->period_filter);

  *chosen = kind < G_N_ELEMENTS (kinds) ? kinds[kind] : SC_CHRONOLOGY_ALL;
  if (period < G_N_ELEMENTS (months) && months[period] > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) start = g_date_time_add_months (now, -months[period]);

      return sc_datetime_to_storage (start);
    }
  return NULL;
}

/* chronology.export: the chronology as shown, as PDF. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScChronologyPage *self = SC_CHRONOLOGY_PAGE (widget);
  ScPage *page = SC_PAGE (self);
  ScChronologyKinds chosen;
  g_autofree char *from = current_filter (self, &chosen);

  if (sc_page_get_vault (page) == NULL || sc_page_get_child (page) == NULL
      || sc_page_get_procedure (page) == NULL)
    return;
  sc_export_chronology (widget, sc_page_get_vault (page), sc_page_get_procedure (page),
                        sc_record_get_id (SC_RECORD (sc_page_get_child (page))), chosen, from);
}

static void
reload (ScChronologyPage *self)
{
  ScPage *page = SC_PAGE (self);
  ScChild *child = sc_page_get_child (page);
  ScChronologyKinds chosen;
  g_autofree char *from = NULL;
  g_autoptr(GPtrArray) built = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->entries);
  sc_form_show_sentence (self->status_label, NULL);
  if (sc_page_get_vault (page) == NULL || child == NULL)
    {
      gtk_label_set_text (self->intro_label, "");
      return;
    }

  {
    g_autofree char *initials = sc_child_dup_initials (child);
    g_autofree char *intro = g_strdup_printf (_("Everything significant about %s, oldest first: "
                                                "what happened, when, and where it is recorded. "
                                                "Select a line to open its record."), initials);

    gtk_label_set_text (self->intro_label, intro);
  }
  from = current_filter (self, &chosen);
  built = sc_chronology_build (sc_page_get_vault (page), sc_page_get_procedure (page),
                               sc_record_get_id (SC_RECORD (child)), chosen, from, NULL, &error);
  if (built == NULL)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_show_sentence (self->status_label, sentence);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  g_list_store_splice (self->entries, 0, 0, built->pdata, built->len);
  gtk_stack_set_visible_child_name (self->stack, built->len > 0 ? "list" : "empty");
}

static void
filter_changed_cb (ScChronologyPage *self)
{
  if (self->list_view != NULL)
    reload (self);
}

/* A line opens its record: the concern, the contacts, or the child. */
static void
line_activated_cb (ScChronologyPage *self,
                   guint             position)
{
  g_autoptr(ScChronologyEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries),
                                                              position);

  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), sc_chronology_entry_get_action (entry), "x",
                                sc_chronology_entry_get_target (entry));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, g_object_new (SC_TYPE_CHRONOLOGY_ROW, NULL));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  g_object_set (gtk_list_item_get_child (item), "entry", gtk_list_item_get_item (item), NULL);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  g_object_set (gtk_list_item_get_child (item), "entry", NULL, NULL);
}

static void
sc_chronology_page_show (ScPage *page)
{
  ScChronologyPage *self = SC_CHRONOLOGY_PAGE (page);

  if (self->list_view == NULL)
    return;   /* disposed */
  reload (self);
}

static void
sc_chronology_page_dispose (GObject *object)
{
  ScChronologyPage *self = SC_CHRONOLOGY_PAGE (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CHRONOLOGY_PAGE);
  sc_form_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (sc_chronology_page_parent_class)->dispose (object);
}

static void
sc_chronology_page_class_init (ScChronologyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_chronology_page_dispose;
  SC_PAGE_CLASS (klass)->show = sc_chronology_page_show;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-chronology-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScChronologyPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ScChronologyPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, ScChronologyPage, period_filter);
  gtk_widget_class_install_action (widget_class, "chronology.export", NULL, export_action);
  gtk_widget_class_bind_template_child (widget_class, ScChronologyPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScChronologyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScChronologyPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, line_activated_cb);
}

static void
sc_chronology_page_init (ScChronologyPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->entries = g_list_store_new (SC_TYPE_CHRONOLOGY_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));

  sc_form_name_inner_buttons (GTK_WIDGET (self->kind_filter), _("Kind of record"));
  sc_form_name_inner_buttons (GTK_WIDGET (self->period_filter), _("Period"));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}
