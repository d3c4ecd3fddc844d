/* sc-finality.c: marking a record final, and its addenda, in the window
 *
 * A concern, an evidence entry or a contact is made final from its page,
 * and corrected by an addendum written in one dialog for all three. What
 * is being written when the vault locks is kept apart as a draft
 * (sc_addendum_save_draft()) and offered again; it is never added half
 * written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-finality"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-addendum.h"
#include "sc-error-message.h"
#include "sc-finality.h"
#include "sc-form.h"
#include "sc-record.h"

/* One Add an Addendum dialog, open. */
typedef struct
{
  GtkWidget      *page;     /* weak: where it was asked for */
  GtkWidget      *dialog;   /* weak */
  ScVault        *vault;
  ScRecord       *record;
  GtkTextBuffer  *text;
  ScFinalityDone  done;
} AddendumDialog;

/* The dialogs open now, to keep their text at a lock. */
static GPtrArray *open_dialogs;

void
sc_finality_mark_final (GtkWidget      *page,
                        ScVault        *vault,
                        ScRecord       *record,
                        ScFinalityDone  done)
{
  g_autoptr(GError) error = NULL;

  if (!sc_records_finalise (vault, record, &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (page, sentence);
      return;
    }
  sc_form_toast (page, _("Final. From now on, an addendum corrects it."));
  if (done != NULL)
    done (page);
}

static void
addendum_dialog_free (gpointer  data,
                      GClosure *closure)
{
  AddendumDialog *add = data;

  g_ptr_array_remove (open_dialogs, add);
  g_clear_weak_pointer (&add->page);
  g_clear_weak_pointer (&add->dialog);
  g_object_unref (add->vault);
  g_object_unref (add->record);
  g_object_unref (add->text);
  g_free (add);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void present (GtkWidget      *page,
                     ScVault        *vault,
                     ScRecord       *record,
                     ScFinalityDone  done,
                     const char     *text,
                     const char     *problem);

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             AddendumDialog   *add)
{
  g_autoptr(ScAddendum) addendum = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Answered: not kept at a lock any more. */
  g_ptr_array_remove (open_dialogs, add);
  if (add->page == NULL || !sc_vault_is_open (add->vault))
    return;
  text = buffer_text (add->text);
  if (!g_str_equal (response, "add"))
    {
      /* Closed without adding: what was typed is kept for next time (or
       * forgotten, if the worker emptied it), never thrown away unasked. */
      if (!sc_addendum_save_draft (add->vault, add->record, text, &error))
        g_message ("An addendum's draft was not kept: %s", error->message);
      else if (!sc_text_is_blank (text))
        sc_form_toast (add->page, _("Not added. What you wrote is kept for the next time you add "
                                    "an addendum here."));
      return;
    }
  if (!(addendum = sc_addendum_add (add->vault, add->record, text, &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      /* Asked again, with what was typed, and the reason. */
      present (add->page, add->vault, add->record, add->done, text, sentence);
      return;
    }
  sc_form_toast (add->page, _("Addendum added, signed with your name."));
  if (add->done != NULL)
    add->done (add->page);
}

/* The dialog for @record, holding @text (or the draft kept at a lock),
 * saying @problem if there was one. */
static void
present (GtkWidget      *page,
         ScVault        *vault,
         ScRecord       *record,
         ScFinalityDone  done,
         const char     *text,
         const char     *problem)
{
  AddendumDialog *add = g_new0 (AddendumDialog, 1);
  g_autofree char *draft = NULL;
  GtkWidget *view, *frame;
  AdwMessageDialog *dialog;

  g_set_weak_pointer (&add->page, page);
  add->vault = g_object_ref (vault);
  add->record = g_object_ref (record);
  add->done = done;
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 100);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Addendum"), -1);
  add->text = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  /* As typed before, if it was not added then, or the vault locked. */
  if (text == NULL)
    draft = sc_addendum_get_draft (vault, record, NULL);
  if (problem == NULL && draft != NULL && *draft != '\0')
    problem = _("Here is what you wrote before, not yet added. Add it, change it, or empty it to "
                "start again.");
  gtk_text_buffer_set_text (add->text, text != NULL ? text : draft != NULL ? draft : "", -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)),
                                                       _("Add an Addendum"),
                                                       problem != NULL ? problem
                                                       : _("Say what it corrects or adds. It is "
                                                           "kept under the record, dated and "
                                                           "signed with your name; the record "
                                                           "itself is not changed.")));
  adw_message_dialog_set_extra_child (dialog, frame);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), add, addendum_dialog_free, 0);
  g_set_weak_pointer (&add->dialog, GTK_WIDGET (dialog));
  if (open_dialogs == NULL)
    open_dialogs = g_ptr_array_new ();
  g_ptr_array_add (open_dialogs, add);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* A dated, signed correction or addition to @record, kept under it. */
void
sc_finality_add_addendum (GtkWidget      *page,
                          ScVault        *vault,
                          ScRecord       *record,
                          ScFinalityDone  done)
{
  g_return_if_fail (GTK_IS_WIDGET (page) && SC_IS_VAULT (vault) && SC_IS_RECORD (record));

  present (page, vault, record, done, NULL, NULL);
}

/* Before a lock: what each open dialog holds is kept as a draft, and the
 * dialog closes without adding anything. */
void
sc_finality_flush_dialogs (void)
{
  g_autoptr(GPtrArray) dialogs = NULL;

  if (open_dialogs == NULL)
    return;
  dialogs = g_ptr_array_copy (open_dialogs, NULL, NULL);
  for (guint i = 0; i < dialogs->len; i++)
    {
      AddendumDialog *add = dialogs->pdata[i];
      g_autofree char *text = buffer_text (add->text);
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog = add->dialog;

      if (sc_vault_is_open (add->vault)
          && !sc_addendum_save_draft (add->vault, add->record, text, &error))
        g_message ("An addendum being written was not kept: %s", error->message);
      if (dialog == NULL)
        continue;
      /* Destroyed without a response: the draft stays (this frees @add). */
      g_signal_handlers_disconnect_matched (dialog, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, response_cb,
                                            NULL);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}
