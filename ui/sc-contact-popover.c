/* sc-contact-popover.c: noting a contact in a few seconds, keyboard first
 *
 * Opens with the summary focused, "now" as the time and the channel and
 * device used last; typing the summary and pressing Enter is enough.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-contact-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-concern.h"
#include "sc-contact-popover.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-records.h"

struct _ScContactPopover
{
  GtkPopover   parent_instance;

  GtkEntry    *summary_entry;
  GtkEntry    *when_entry;
  GtkDropDown *channel_dropdown;
  GtkDropDown *direction_dropdown;
  GtkDropDown *with_dropdown;
  GtkDropDown *device_dropdown;
  GtkDropDown *concern_dropdown;
  GtkWidget   *approval_box;
  GtkEntry    *approved_by_entry;
  GtkEntry    *approved_on_entry;
  GtkEntry    *follow_up_entry;
  GtkLabel    *error_label;

  ScVault     *vault;
  ScChild     *child;
  GSettings   *settings;
  GArray      *concern_ids;   /* gint64, parallel to concern_dropdown after "Not linked" */
};

G_DEFINE_FINAL_TYPE (ScContactPopover, sc_contact_popover, GTK_TYPE_POPOVER)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ScContactPopover *self,
            const char       *sentence)
{
  gtk_label_set_text (self->error_label, sentence != NULL ? sentence : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), sentence != NULL);
}

static void
device_changed_cb (ScContactPopover *self)
{
  gtk_widget_set_visible (self->approval_box,
                          g_str_equal (sc_form_combo_get_id (self->device_dropdown), "personal"));
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScContactPopover *self = SC_CONTACT_POPOVER (widget);
  g_autoptr(ScContact) contact = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when_text = NULL;
  guint concern_index;
  ScRecord *r;

  if (self->vault == NULL || self->child == NULL)
    return;

  if (!(when = sc_datetime_parse_local (entry_text (self->when_entry), &error)))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->when_entry));
      return;
    }

  contact = sc_contact_new (sc_record_get_id (SC_RECORD (self->child)));
  r = SC_RECORD (contact);
  when_text = sc_datetime_to_storage (when);
  sc_record_set_text (r, "happened-at", when_text);
  sc_record_set_text (r, "channel", sc_form_combo_get_id (self->channel_dropdown));
  sc_record_set_text (r, "direction", sc_form_combo_get_id (self->direction_dropdown));
  sc_record_set_text (r, "with-whom", sc_form_combo_get_id (self->with_dropdown));
  sc_record_set_text (r, "device", sc_form_combo_get_id (self->device_dropdown));
  sc_record_set_text (r, "summary", entry_text (self->summary_entry));
  sc_record_set_text (r, "follow-up", entry_text (self->follow_up_entry));

  concern_index = gtk_drop_down_get_selected (self->concern_dropdown);
  if (concern_index > 0 && concern_index <= self->concern_ids->len)
    sc_record_set_int64 (r, "concern-id", g_array_index (self->concern_ids, gint64,
                                                         concern_index - 1));

  if (g_str_equal (sc_record_get_text (r, "device"), "personal"))
    {
      const char *on = entry_text (self->approved_on_entry);
      GDate date;

      sc_record_set_text (r, "approved-by", entry_text (self->approved_by_entry));
      if (*on != '\0')
        {
          g_autofree char *stored = NULL;

          if (!sc_date_parse (on, &date, &error))
            {
              show_error (self, error->message);
              gtk_widget_grab_focus (GTK_WIDGET (self->approved_on_entry));
              return;
            }
          stored = sc_date_to_storage (&date);
          sc_record_set_text (r, "approved-on", stored);
        }
    }

  /* Saved even without approval: it is flagged, never lost. */
  if (!sc_records_save (self->vault, r, &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      show_error (self, sentence);
      return;
    }

  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "last-contact-channel",
                             sc_record_get_text (r, "channel"));
      g_settings_set_string (self->settings, "last-contact-device",
                             sc_record_get_text (r, "device"));
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, contact);
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Enter in any field saves: the popover's whole point is speed. */
static void
entry_activated_cb (ScContactPopover *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "contact.save", NULL);
}

static void
sc_contact_popover_dispose (GObject *object)
{
  ScContactPopover *self = (ScContactPopover *) object;

  sc_contact_popover_clear (self);
  g_clear_pointer (&self->concern_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CONTACT_POPOVER);

  G_OBJECT_CLASS (sc_contact_popover_parent_class)->dispose (object);
}

static void
sc_contact_popover_class_init (ScContactPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_contact_popover_dispose;

  /**
   * ScContactPopover::saved:
   * @contact: the contact, in the vault
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-contact-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, summary_entry);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, when_entry);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, direction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, with_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, device_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, concern_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, approval_box);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, approved_by_entry);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, approved_on_entry);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, follow_up_entry);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, error_label);

  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "contact.save", NULL, save_action);
}

static void
sc_contact_popover_init (ScContactPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->concern_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sc_form_combo_setup (self->channel_dropdown, "channel", NULL);
  sc_form_combo_setup (self->direction_dropdown, "direction", NULL);
  sc_form_combo_setup (self->with_dropdown, "with-whom", NULL);
  sc_form_combo_setup (self->device_dropdown, "device", NULL);
  g_signal_connect_object (self->device_dropdown, "notify::selected",
                           G_CALLBACK (device_changed_cb), self, G_CONNECT_SWAPPED);
}

ScContactPopover *
sc_contact_popover_new (void)
{
  return g_object_new (SC_TYPE_CONTACT_POPOVER, NULL);
}

/* Ready for a new contact with @child: the time is now, the channel and
 * device are those used last, the summary has the focus. */
void
sc_contact_popover_prepare (ScContactPopover *self,
                            ScVault          *vault,
                            ScChild          *child,
                            GSettings        *settings)
{
  g_autoptr(GtkStringList) concerns = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *now = sc_datetime_now_storage ();
  g_autofree char *now_text = sc_datetime_format_entry (now);
  g_autofree char *channel = NULL;
  g_autofree char *device = NULL;

  g_return_if_fail (SC_IS_CONTACT_POPOVER (self));

  sc_contact_popover_clear (self);
  self->vault = g_object_ref (vault);
  self->child = g_object_ref (child);
  g_set_object (&self->settings, settings);

  gtk_editable_set_text (GTK_EDITABLE (self->when_entry), now_text);
  channel = settings != NULL ? g_settings_get_string (settings, "last-contact-channel") : NULL;
  device = settings != NULL ? g_settings_get_string (settings, "last-contact-device") : NULL;
  sc_form_combo_set_id (self->channel_dropdown, channel);
  sc_form_combo_set_id (self->device_dropdown, device);
  sc_form_combo_set_id (self->direction_dropdown, "to");
  sc_form_combo_set_id (self->with_dropdown, "child");

  gtk_string_list_append (concerns, _("Not linked to a concern"));
  g_array_set_size (self->concern_ids, 0);
  list = sc_records_list_concerns (vault, sc_record_get_id (SC_RECORD (child)), NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      ScRecord *concern = list->pdata[i];
      gint64 id = sc_record_get_id (concern);
      const char *summary = sc_record_get_text (concern, "summary");
      g_autofree char *when = sc_datetime_format_display (sc_record_get_text (concern,
                                                                              "recorded-at"));
      g_autofree char *label = g_strdup_printf ("%s — %s", when,
                                                *summary != '\0' ? summary : _("(draft)"));

      gtk_string_list_append (concerns, label);
      g_array_append_val (self->concern_ids, id);
    }
  gtk_drop_down_set_model (self->concern_dropdown, G_LIST_MODEL (concerns));
  gtk_drop_down_set_selected (self->concern_dropdown, 0);

  device_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_entry));
}

/* Empties every field and forgets the child. */
void
sc_contact_popover_clear (ScContactPopover *self)
{
  g_return_if_fail (SC_IS_CONTACT_POPOVER (self));

  g_clear_object (&self->vault);
  g_clear_object (&self->child);
  g_clear_object (&self->settings);
  if (self->summary_entry == NULL)
    return;   /* disposed */

  gtk_editable_set_text (GTK_EDITABLE (self->summary_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->follow_up_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->approved_by_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->approved_on_entry), "");
  show_error (self, NULL);
}

GtkWidget *
sc_contact_popover_get_widget (ScContactPopover *self,
                               const char       *name)
{
  g_return_val_if_fail (SC_IS_CONTACT_POPOVER (self), NULL);

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SC_TYPE_CONTACT_POPOVER,
                                                    name));
}

const char *
sc_contact_popover_get_error (ScContactPopover *self)
{
  g_return_val_if_fail (SC_IS_CONTACT_POPOVER (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_text (self->error_label) : NULL;
}
