/* sc-caseload-page.c: the children the worker is allocated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-caseload-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-caseload-page.h"
#include "sc-caseload-row.h"
#include "sc-paged-model.h"
#include "sc-response.h"
#include "sc-child.h"
#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-form.h"

struct _ScCaseloadPage
{
  ScPage             parent_instance;

  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  GtkListView       *list_view;
  GtkWidget         *search_records_button;

  ScPagedModel      *model;
  GtkSingleSelection *selection;
  GHashTable        *urgent;      /* child id → overdue line, read with each page */
};

G_DEFINE_FINAL_TYPE (ScCaseloadPage, sc_caseload_page, SC_TYPE_PAGE)

static void show_vault (ScPage *page);



/* Rows ----------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, g_object_new (SC_TYPE_CASELOAD_ROW, NULL));
}

/* No vault work here: the overdue line was read with the row's page. */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ScCaseloadPage           *self)
{
  ScChild *child = gtk_list_item_get_item (item);
  gint64 child_id = sc_record_get_id (SC_RECORD (child));

  g_object_set (gtk_list_item_get_child (item),
                "child", child,
                "urgent", self->urgent != NULL ? g_hash_table_lookup (self->urgent, &child_id) : NULL,
                NULL);
}

/* A page of the caseload read from the vault: the overdue lines of its
 * children, in one batch (two queries), replacing what was known of them. */
static void
page_read_cb (ScPagedModel *model,
              GPtrArray    *children,
              gpointer      user_data)
{
  ScCaseloadPage *self = user_data;
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScProcedure *procedure = sc_page_get_procedure (SC_PAGE (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GHashTable) urgent = NULL;
  GHashTableIter iter;
  gpointer id, sentence;

  if (vault == NULL || procedure == NULL)
    return;
  urgent = sc_response_most_urgent_for (vault, procedure, children, now);
  for (guint i = 0; i < children->len; i++)
    {
      gint64 child_id = sc_record_get_id (children->pdata[i]);

      g_hash_table_remove (self->urgent, &child_id);
    }
  g_hash_table_iter_init (&iter, urgent);
  while (g_hash_table_iter_next (&iter, &id, &sentence))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->urgent, id, sentence);
    }
}

/* Page ---------------------------------------------------------------------- */

static void
update_state (ScCaseloadPage *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *filter = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (*filter != '\0')
    {
      /* No child by that name: the same words, looked for in every record. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->search_records_button), "s", filter);
      gtk_stack_set_visible_child_name (self->stack, "no-match");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
search_changed_cb (ScCaseloadPage *self)
{
  if (self->model != NULL)
    {
      g_autoptr(ScQuery) query = sc_query_new ();

      g_free (query->text);
      query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      sc_paged_model_set_query (self->model, query);
    }
  update_state (self);
}

static void
row_activated_cb (ScCaseloadPage *self,
                  guint           position)
{
  g_autoptr(ScChild) child = NULL;

  if (self->model == NULL)
    return;
  child = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (child != NULL && sc_record_get_id (SC_RECORD (child)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "window.show-child", "x",
                                sc_record_get_id (SC_RECORD (child)));
}

static void
sc_caseload_page_dispose (GObject *object)
{
  ScCaseloadPage *self = (ScCaseloadPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CASELOAD_PAGE);
  sc_form_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->urgent, g_hash_table_unref);

  G_OBJECT_CLASS (sc_caseload_page_parent_class)->dispose (object);
}

static gboolean
sc_caseload_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SC_CASELOAD_PAGE (widget)->search_entry));
}

static void
sc_caseload_page_class_init (ScCaseloadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_caseload_page_dispose;
  SC_PAGE_CLASS (klass)->show = show_vault;
  widget_class->grab_focus = sc_caseload_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-caseload-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScCaseloadPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScCaseloadPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScCaseloadPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ScCaseloadPage, search_records_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
sc_caseload_page_init (ScCaseloadPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->urgent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  update_state (self);
}

/* Shows the caseload of the vault, or nothing at all without one (locked). */
static void
show_vault (ScPage *page)
{
  ScCaseloadPage *self = SC_CASELOAD_PAGE (page);
  ScVault *vault = sc_page_get_vault (page);

  if (self->list_view == NULL)
    return;   /* disposed */

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_hash_table_remove_all (self->urgent);

  if (vault != NULL)
    {
      self->model = sc_paged_model_new (vault, SC_TYPE_CHILD, NULL);
      sc_paged_model_set_page_func (self->model, page_read_cb, self, NULL);
      /* The list follows the vault; its empty state follows the list. */
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }
  update_state (self);
}

gint64
sc_caseload_page_get_selected_id (ScCaseloadPage *self)
{
  ScChild *child;

  g_return_val_if_fail (SC_IS_CASELOAD_PAGE (self), 0);

  if (self->selection == NULL)
    return 0;
  child = gtk_single_selection_get_selected_item (self->selection);
  return child != NULL ? sc_record_get_id (SC_RECORD (child)) : 0;
}

