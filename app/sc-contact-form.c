/* sc-contact-form.c: noting a contact, as the quick-add popover shows it
 *
 * The view-model behind the popover: a new contact with "now" as its time
 * and the channel and device used last, the time and the approval date as
 * typed, the child's concerns to link it to (a GListModel of labels, "Not
 * linked" first), whether the approval fields matter, and the sentence to show when the contact cannot be saved. A
 * contact on a personal device is saved even without an approval: it is
 * flagged, never lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-contact-form"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-contact-form.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-records.h"
#include "sc-view-model.h"

struct _ScContactForm
{
  GObject      parent_instance;

  ScVault     *vault;
  ScContact   *contact;
  char        *when_text;
  GListStore  *concerns;      /* of ScConcernChoice: "Not linked" first */
  guint        concern_position;
  gboolean     show_approval;
  char        *error;
};

G_DEFINE_FINAL_TYPE (ScContactForm, sc_contact_form, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WHEN_TEXT,
  PROP_CONCERN_POSITION,
  PROP_SHOW_APPROVAL,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One choice of the "linked concern" list: a label, and the concern's id
 * (0: not linked). A GObject so that a drop-down shows it by its label. */
struct _ScConcernChoice
{
  GObject  parent_instance;
  char    *label;
  gint64   id;
};

G_DEFINE_FINAL_TYPE (ScConcernChoice, sc_concern_choice, G_TYPE_OBJECT)

enum { CHOICE_PROP_0, CHOICE_PROP_STRING, CHOICE_N_PROPS };

static void
sc_concern_choice_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  if (prop_id == CHOICE_PROP_STRING)
    g_value_set_string (value, SC_CONCERN_CHOICE (object)->label);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sc_concern_choice_finalize (GObject *object)
{
  g_free (SC_CONCERN_CHOICE (object)->label);
  G_OBJECT_CLASS (sc_concern_choice_parent_class)->finalize (object);
}

static void
sc_concern_choice_class_init (ScConcernChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sc_concern_choice_get_property;
  object_class->finalize = sc_concern_choice_finalize;
  /* "string", as GtkStringObject has, so the list shows like a string list. */
  g_object_class_install_property (object_class, CHOICE_PROP_STRING,
                                   g_param_spec_string ("string", NULL, NULL, NULL,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
sc_concern_choice_init (ScConcernChoice *self)
{
}

static void
add_choice (GListStore *store,
            const char *label,
            gint64      id)
{
  g_autoptr(ScConcernChoice) choice = g_object_new (SC_TYPE_CONCERN_CHOICE, NULL);

  choice->label = g_strdup (label);
  choice->id = id;
  g_list_store_append (store, choice);
}

static void
device_changed_cb (ScContactForm *self)
{
  sc_view_model_set_boolean (G_OBJECT (self), &self->show_approval,
                             g_str_equal (sc_record_get_text (SC_RECORD (self->contact), "device"),
                                          "personal"),
                             properties[PROP_SHOW_APPROVAL]);
}

ScContactForm *
sc_contact_form_new (ScVault    *vault,
                     gint64      child_id,
                     const char *last_channel,
                     const char *last_device)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *now = sc_datetime_now_storage ();
  ScContactForm *self;
  ScRecord *r;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  self = g_object_new (SC_TYPE_CONTACT_FORM, NULL);
  self->vault = g_object_ref (vault);
  self->contact = sc_contact_new (child_id);
  r = SC_RECORD (self->contact);

  /* Now, to the child, and the channel and device used last. */
  g_free (self->when_text);
  self->when_text = sc_datetime_format_entry (now);
  sc_record_set_text (r, "direction", "to");
  sc_record_set_text (r, "with-whom", "child");
  if (last_channel != NULL && *last_channel != '\0')
    sc_record_set_text (r, "channel", last_channel);
  if (last_device != NULL && *last_device != '\0')
    sc_record_set_text (r, "device", last_device);
  g_signal_connect_object (self->contact, "notify::device", G_CALLBACK (device_changed_cb), self,
                           G_CONNECT_SWAPPED);
  device_changed_cb (self);

  add_choice (self->concerns, _("Not linked to a concern"), 0);
  list = sc_records_list_concerns (vault, child_id, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      ScRecord *concern = list->pdata[i];
      const char *summary = sc_record_get_text (concern, "summary");
      g_autofree char *when = sc_datetime_format_display (sc_record_get_text (concern,
                                                                              "recorded-at"));
      g_autofree char *label = g_strdup_printf ("%s — %s", when,
                                                *summary != '\0' ? summary : _("(draft)"));

      add_choice (self->concerns, label, sc_record_get_id (concern));
    }
  return self;
}

ScContact *
sc_contact_form_get_contact (ScContactForm *self)
{
  g_return_val_if_fail (SC_IS_CONTACT_FORM (self), NULL);
  return self->contact;
}

/* The concerns the contact can be linked to, for a drop-down: items with a
 * "string" property, "Not linked" first. */
GListModel *
sc_contact_form_get_concerns (ScContactForm *self)
{
  g_return_val_if_fail (SC_IS_CONTACT_FORM (self), NULL);
  return G_LIST_MODEL (self->concerns);
}

static void
set_error (ScContactForm *self,
           const char    *sentence)
{
  sc_view_model_set_string (G_OBJECT (self), &self->error, sentence, properties[PROP_ERROR]);
}

/* Writes the contact. FALSE with :error saying why (a time or a date that
 * does not read, or the vault), and nothing typed lost. */
gboolean
sc_contact_form_save (ScContactForm *self)
{
  ScRecord *r;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_return_val_if_fail (SC_IS_CONTACT_FORM (self), FALSE);

  r = SC_RECORD (self->contact);
  if (!(when = sc_datetime_parse_local (self->when_text, &error)))
    {
      set_error (self, error->message);
      return FALSE;
    }
  stored = sc_datetime_to_storage (when);
  sc_record_set_text (r, "happened-at", stored);

  /* Approval is a manager's, signed with their passphrase on the contacts
   * page (sc_contact_approve()): never typed here. */

  if (!sc_records_save (self->vault, r, &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      set_error (self, sentence);
      return FALSE;
    }
  set_error (self, NULL);
  return TRUE;
}

static void
sc_contact_form_dispose (GObject *object)
{
  ScContactForm *self = SC_CONTACT_FORM (object);

  g_clear_object (&self->contact);
  g_clear_object (&self->vault);
  g_clear_object (&self->concerns);

  G_OBJECT_CLASS (sc_contact_form_parent_class)->dispose (object);
}

static void
sc_contact_form_finalize (GObject *object)
{
  ScContactForm *self = SC_CONTACT_FORM (object);

  g_free (self->when_text);
  g_free (self->error);

  G_OBJECT_CLASS (sc_contact_form_parent_class)->finalize (object);
}

static void
sc_contact_form_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScContactForm *self = SC_CONTACT_FORM (object);

  switch (prop_id)
    {
    case PROP_WHEN_TEXT: g_value_set_string (value, self->when_text); break;
    case PROP_CONCERN_POSITION: g_value_set_uint (value, self->concern_position); break;
    case PROP_SHOW_APPROVAL: g_value_set_boolean (value, self->show_approval); break;
    case PROP_ERROR: g_value_set_string (value, self->error); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_concern_position (ScContactForm *self,
                      guint          position)
{
  g_autoptr(ScConcernChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->concerns),
                                                             position);

  if (choice == NULL || self->concern_position == position)
    return;
  self->concern_position = position;
  sc_record_set_int64 (SC_RECORD (self->contact), "concern-id", choice->id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCERN_POSITION]);
}

static void
sc_contact_form_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScContactForm *self = SC_CONTACT_FORM (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_WHEN_TEXT:
      text = g_value_get_string (value);
      sc_view_model_set_string (object, &self->when_text, text != NULL ? text : "", pspec);
      break;
    case PROP_CONCERN_POSITION:
      set_concern_position (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_contact_form_class_init (ScContactFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sc_contact_form_dispose;
  object_class->finalize = sc_contact_form_finalize;
  object_class->get_property = sc_contact_form_get_property;
  object_class->set_property = sc_contact_form_set_property;

  /* As typed: "24/11/2026 15:30" and "01/09/2026". */
  properties[PROP_WHEN_TEXT] = g_param_spec_string ("when-text", NULL, NULL, "", rw);
  /* Which of the concerns list the contact is linked to; 0, none. */
  properties[PROP_CONCERN_POSITION] = g_param_spec_uint ("concern-position", NULL, NULL,
                                                         0, G_MAXUINT, 0, rw);
  /* A personal device: it needs a manager's approval, and says so. */
  properties[PROP_SHOW_APPROVAL] = sc_view_model_boolean_property ("show-approval");
  properties[PROP_ERROR] = sc_view_model_string_property ("error");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_contact_form_init (ScContactForm *self)
{
  self->when_text = g_strdup ("");
  self->concerns = g_list_store_new (SC_TYPE_CONCERN_CHOICE);
}
