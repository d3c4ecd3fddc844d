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
#include "sc-contact-form.h"
#include "sc-contact-popover.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-records.h"

struct _ScContactPopover
{
  GtkPopover     parent_instance;

  GtkEntry      *summary_entry;
  GtkEntry      *when_entry;
  GtkDropDown   *channel_dropdown;
  GtkDropDown   *direction_dropdown;
  GtkDropDown   *with_dropdown;
  GtkDropDown   *device_dropdown;
  GtkDropDown   *concern_dropdown;
  GtkWidget     *approval_box;
  GtkEntry      *follow_up_entry;
  GtkLabel      *error_label;

  ScContactForm *form;
  GSettings     *settings;
  GPtrArray     *bindings;   /* of GBinding, undone when the form goes */
};

G_DEFINE_FINAL_TYPE (ScContactPopover, sc_contact_popover, GTK_TYPE_POPOVER)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The entries and drop-downs bound to the contact's property of the same
 * name, and to the form's. */
static const struct
{
  gboolean    on_form;
  const char *property;
  gsize       offset;
} entries[] = {
  { FALSE, "summary", G_STRUCT_OFFSET (ScContactPopover, summary_entry) },
  { FALSE, "follow-up", G_STRUCT_OFFSET (ScContactPopover, follow_up_entry) },
  { TRUE, "when-text", G_STRUCT_OFFSET (ScContactPopover, when_entry) },
}, dropdowns[] = {
  { FALSE, "channel", G_STRUCT_OFFSET (ScContactPopover, channel_dropdown) },
  { FALSE, "direction", G_STRUCT_OFFSET (ScContactPopover, direction_dropdown) },
  { FALSE, "with-whom", G_STRUCT_OFFSET (ScContactPopover, with_dropdown) },
  { FALSE, "device", G_STRUCT_OFFSET (ScContactPopover, device_dropdown) },
};

static void
bind (ScContactPopover *self,
      GBinding         *binding)
{
  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
bind_form (ScContactPopover *self)
{
  ScContact *contact = sc_contact_form_get_contact (self->form);
  const GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    bind (self, g_object_bind_property (entries[i].on_form ? (gpointer) self->form
                                                           : (gpointer) contact,
                                        entries[i].property,
                                        G_STRUCT_MEMBER (gpointer, self, entries[i].offset),
                                        "text", both));
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    bind (self, sc_form_combo_bind (G_STRUCT_MEMBER (gpointer, self, dropdowns[i].offset),
                                    contact, dropdowns[i].property));
  gtk_drop_down_set_model (self->concern_dropdown, sc_contact_form_get_concerns (self->form));
  bind (self, g_object_bind_property (self->form, "concern-position", self->concern_dropdown,
                                      "selected", both));
  bind (self, g_object_bind_property (self->form, "show-approval", self->approval_box, "visible",
                                      G_BINDING_SYNC_CREATE));
  sc_form_bind_sentence (self->bindings, self->form, "error", self->error_label);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScContactPopover *self = SC_CONTACT_POPOVER (widget);
  g_autoptr(ScContact) contact = NULL;

  /* On failure the form says why, and keeps everything typed. */
  if (self->form == NULL || !sc_contact_form_save (self->form))
    return;

  contact = g_object_ref (sc_contact_form_get_contact (self->form));
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "last-contact-channel",
                             sc_record_get_text (SC_RECORD (contact), "channel"));
      g_settings_set_string (self->settings, "last-contact-device",
                             sc_record_get_text (SC_RECORD (contact), "device"));
    }
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
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, follow_up_entry);
  gtk_widget_class_bind_template_child (widget_class, ScContactPopover, error_label);

  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "contact.save", NULL, save_action);
}

static void
sc_contact_popover_init (ScContactPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    sc_form_combo_setup (G_STRUCT_MEMBER (gpointer, self, dropdowns[i].offset),
                         dropdowns[i].property, NULL);
  gtk_drop_down_set_expression (self->concern_dropdown,
                                gtk_property_expression_new (SC_TYPE_CONCERN_CHOICE, NULL,
                                                             "string"));
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
  g_autofree char *channel = NULL;
  g_autofree char *device = NULL;

  g_return_if_fail (SC_IS_CONTACT_POPOVER (self));

  sc_contact_popover_clear (self);
  g_set_object (&self->settings, settings);
  channel = settings != NULL ? g_settings_get_string (settings, "last-contact-channel") : NULL;
  device = settings != NULL ? g_settings_get_string (settings, "last-contact-device") : NULL;
  self->form = sc_contact_form_new (vault, sc_record_get_id (SC_RECORD (child)), channel, device);
  bind_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_entry));
}

/* Before a lock: a contact being noted is kept once its summary is typed,
 * rather than dropped with the popover. */
void
sc_contact_popover_flush (ScContactPopover *self)
{
  g_return_if_fail (SC_IS_CONTACT_POPOVER (self));

  if (self->form != NULL && gtk_widget_get_visible (GTK_WIDGET (self))
      && *sc_record_get_text (SC_RECORD (sc_contact_form_get_contact (self->form)), "summary") != '\0')
    gtk_widget_activate_action (GTK_WIDGET (self), "contact.save", NULL);
}

/* Empties every field and forgets the child. */
void
sc_contact_popover_clear (ScContactPopover *self)
{
  g_return_if_fail (SC_IS_CONTACT_POPOVER (self));

  if (self->bindings == NULL)
    return;   /* disposed */
  sc_form_unbind_all (self->bindings);
  g_clear_object (&self->form);
  g_clear_object (&self->settings);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_text (G_STRUCT_MEMBER (gpointer, self, entries[i].offset), "");
  gtk_drop_down_set_model (self->concern_dropdown, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

