/* sc-overview-page.c: the manager's review overview
 *
 * The sections sc_overview_build() gives, each a group titled with its
 * count; a line opens its record through the window action it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-application.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-overview.h"
#include "sc-overview-page.h"

struct _ScOverviewPage
{
  ScPage               parent_instance;

  AdwPreferencesGroup *overdue_group;
  AdwPreferencesGroup *approvals_group;
  AdwPreferencesGroup *not_reviewed_group;
  AdwPreferencesGroup *final_group;
  AdwPreferencesGroup *open_group;
  GPtrArray           *rows;   /* every row added, to remove them again */
};

G_DEFINE_FINAL_TYPE (ScOverviewPage, sc_overview_page, SC_TYPE_PAGE)

static guint
review_days (void)
{
  GApplication *app = g_application_get_default ();

  return SC_IS_APPLICATION (app)
         ? g_settings_get_uint (sc_application_get_settings (SC_APPLICATION (app)), "review-due-days")
         : 28;
}

static void
fill_group (ScOverviewPage      *self,
            AdwPreferencesGroup *group,
            GPtrArray           *items,
            const char          *title,
            const char          *none)
{
  g_autofree char *counted = g_strdup_printf ("%s (%u)", title, items->len);

  adw_preferences_group_set_title (group, counted);
  if (items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), none);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows, row);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      ScOverviewItem *item = items->pdata[i];
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", item->target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), item->action);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
sc_overview_page_show (ScPage *page)
{
  ScOverviewPage *self = SC_OVERVIEW_PAGE (page);
  g_autoptr(ScOverview) overview = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (self->rows == NULL)
    return;   /* disposed */
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);
  if (sc_page_get_vault (page) == NULL)
    return;
  if (!(overview = sc_overview_build (sc_page_get_vault (page), sc_page_get_procedure (page), now,
                                      review_days (), &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (GTK_WIDGET (self), sentence);
      return;
    }
  fill_group (self, self->overdue_group, overview->sections[SC_OVERVIEW_OVERDUE],
              _("Steps Overdue"), _("No step is overdue."));
  fill_group (self, self->approvals_group, overview->sections[SC_OVERVIEW_APPROVALS],
              _("Contacts Awaiting Approval"), _("None awaiting approval."));
  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Not Reviewed for %u Day",
                                                           "Not Reviewed for %u Days",
                                                           review_days ()), review_days ());

    fill_group (self, self->not_reviewed_group, overview->sections[SC_OVERVIEW_NOT_REVIEWED],
                title, _("Every open concern was reviewed lately."));
  }
  fill_group (self, self->final_group, overview->sections[SC_OVERVIEW_FINAL_UNSIGNED],
              _("Final, Awaiting Sign-Off"), _("Every final concern was signed off."));
  fill_group (self, self->open_group, overview->sections[SC_OVERVIEW_OPEN], _("Open Concerns"),
              _("No concern is open."));
}

static void
sc_overview_page_dispose (GObject *object)
{
  ScOverviewPage *self = SC_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_OVERVIEW_PAGE);
  sc_form_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (sc_overview_page_parent_class)->dispose (object);
}

static void
sc_overview_page_class_init (ScOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_overview_page_dispose;
  SC_PAGE_CLASS (klass)->show = sc_overview_page_show;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScOverviewPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, ScOverviewPage, approvals_group);
  gtk_widget_class_bind_template_child (widget_class, ScOverviewPage, not_reviewed_group);
  gtk_widget_class_bind_template_child (widget_class, ScOverviewPage, final_group);
  gtk_widget_class_bind_template_child (widget_class, ScOverviewPage, open_group);
}

static void
sc_overview_page_init (ScOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}
