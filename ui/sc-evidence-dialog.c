/* sc-evidence-dialog.c: a new entry in a concern's evidence log
 *
 * What the evidence is, where it is held, who secured it, and the web
 * addresses and account names that would find it again. The dialog only
 * holds what was typed; the response page saves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-evidence-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sc-evidence-dialog.h"

struct _ScEvidenceDialog
{
  AdwMessageDialog  parent_instance;

  GtkEditable      *what_row;
  GtkEditable      *held_where_row;
  GtkEditable      *secured_by_row;
  GtkEditable      *urls_row;
  GtkEditable      *usernames_row;
};

G_DEFINE_FINAL_TYPE (ScEvidenceDialog, sc_evidence_dialog, ADW_TYPE_MESSAGE_DIALOG)

GtkWidget *
sc_evidence_dialog_new (GtkWindow *parent)
{
  return g_object_new (SC_TYPE_EVIDENCE_DIALOG, "transient-for", parent, NULL);
}

/* Nothing to keep until it says what the evidence is. */
gboolean
sc_evidence_dialog_is_empty (ScEvidenceDialog *self)
{
  g_return_val_if_fail (SC_IS_EVIDENCE_DIALOG (self), TRUE);

  return *gtk_editable_get_text (self->what_row) == '\0';
}

/* Which row holds which of an entry's fields. */
typedef struct
{
  const char  *field;
  GtkEditable *row;
} FieldRow;

#define N_FIELD_ROWS 5

static void
field_rows (ScEvidenceDialog *self,
            FieldRow          rows[N_FIELD_ROWS])
{
  const FieldRow all[N_FIELD_ROWS] = {
    { "what", self->what_row },
    { "held-where", self->held_where_row },
    { "secured-by", self->secured_by_row },
    { "urls", self->urls_row },
    { "usernames", self->usernames_row },
  };

  memcpy (rows, all, sizeof all);
}

/* The rows filled with @evidence's fields, to be edited. */
void
sc_evidence_dialog_load (ScEvidenceDialog *self,
                         ScEvidence       *evidence)
{
  FieldRow rows[N_FIELD_ROWS];

  g_return_if_fail (SC_IS_EVIDENCE_DIALOG (self));

  field_rows (self, rows);
  for (guint i = 0; i < N_FIELD_ROWS; i++)
    gtk_editable_set_text (rows[i].row, sc_record_get_text (SC_RECORD (evidence), rows[i].field));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Evidence"));
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "add", _("_Save"));
}

/* Writes what was typed into @evidence's fields. */
void
sc_evidence_dialog_fill (ScEvidenceDialog *self,
                         ScEvidence       *evidence)
{
  FieldRow rows[N_FIELD_ROWS];

  g_return_if_fail (SC_IS_EVIDENCE_DIALOG (self));

  field_rows (self, rows);
  for (guint i = 0; i < N_FIELD_ROWS; i++)
    sc_record_set_text (SC_RECORD (evidence), rows[i].field, gtk_editable_get_text (rows[i].row));
}

static void
sc_evidence_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_EVIDENCE_DIALOG);

  G_OBJECT_CLASS (sc_evidence_dialog_parent_class)->dispose (object);
}

static void
sc_evidence_dialog_class_init (ScEvidenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_evidence_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-evidence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScEvidenceDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, ScEvidenceDialog, held_where_row);
  gtk_widget_class_bind_template_child (widget_class, ScEvidenceDialog, secured_by_row);
  gtk_widget_class_bind_template_child (widget_class, ScEvidenceDialog, urls_row);
  gtk_widget_class_bind_template_child (widget_class, ScEvidenceDialog, usernames_row);
}

static void
sc_evidence_dialog_init (ScEvidenceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
