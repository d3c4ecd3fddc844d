/* sc-export.c: a document saved from a page, protected by a password
 *
 * Asked first: the child's full name or the initials (initials unless the
 * worker chooses otherwise), and a password (on unless the worker turns
 * it off, told why that is unwise). Then where to save it, through the
 * file chooser (the portal in a sandbox), under a name with the initials
 * and the day only. Last, the password, shown once, with a Copy button
 * and the advice to send it apart from the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-export"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "sc-application.h"
#include "sc-document-pdf.h"
#include "sc-error-message.h"
#include "sc-export.h"
#include "sc-form.h"
#include "sc-preview-window.h"

/* The paper the worker's preference names (A4 unless US Letter). */
static ScPaper
paper (void)
{
  GApplication *app = g_application_get_default ();
  g_autofree char *size = SC_IS_APPLICATION (app)
                          ? g_settings_get_string (sc_application_get_settings (SC_APPLICATION (app)),
                                                   "paper-size")
                          : NULL;

  return g_strcmp0 (size, "letter") == 0 ? SC_PAPER_LETTER : SC_PAPER_A4;
}

typedef struct
{
  ScDocumentKind kind;
  GtkWidget   *page;       /* weak */
  ScVault     *vault;
  ScProcedure *procedure;
  ScConcern   *concern;    /* the referral's, the form's */
  gint64       child_id;   /* the chronology's, its kinds and start */
  ScChronologyKinds kinds;
  char        *from;
  GtkSwitch   *full_name;  /* in the first dialog, while it is open */
  GtkSwitch   *protect;
  gboolean     with_password;
  ScDocument  *document;   /* built when the worker chose where */
} Export;

static void
export_free (Export *export)
{
  g_clear_weak_pointer (&export->page);
  g_object_unref (export->vault);
  sc_procedure_unref (export->procedure);
  g_clear_object (&export->concern);
  g_free (export->from);
  g_clear_pointer (&export->document, sc_document_free);
  g_free (export);
}

static void
copy_password_cb (GtkButton *button,
                  GtkLabel  *label)
{
  GApplication *app = g_application_get_default ();

  /* Through the app, so that it leaves the clipboard after a while. */
  if (SC_IS_APPLICATION (app))
    sc_application_copy_text (SC_APPLICATION (app), gtk_widget_get_clipboard (GTK_WIDGET (button)),
                              gtk_label_get_text (label));
  gtk_button_set_label (button, _("Copied"));
}

/* The password, once: to be sent apart from the file. */
static void
show_password (GtkWidget  *page,
               const char *password)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (password);
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy"));
  AdwMessageDialog *dialog;

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Password"), -1);
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_password_cb), label);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), copy);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)),
                                                       _("Saved, With a Password"),
                                                       _("The file opens only with this password. "
                                                         "Send the password apart from the file, "
                                                         "never in the same email: read it out on "
                                                         "the phone, or send it by text. It is not "
                                                         "kept anywhere, so note it now if you "
                                                         "need it again.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "close", _("_Done"), NULL);
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                Export          *export)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT || export->page == NULL || !sc_vault_is_open (export->vault))
    {
      export_free (export);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    {
      sc_form_toast (export->page, _("Safecase can only save to a folder on this computer. Choose "
                                     "another place; nothing was saved."));
      export_free (export);
      return;
    }
  if (export->with_password)
    password = sc_pdf_new_password ();
  if (!sc_document_export (export->document, paper (), password, path, &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (export->page, sentence);
    }
  else if (password != NULL)
    show_password (export->page, password);
  else
    sc_form_toast (export->page, _("Saved without a password: keep it where only you can open it."));
  if (password != NULL)
    sodium_memzero (password, strlen (password));
  export_free (export);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ScDocument        *document)
{
  gtk_print_operation_set_n_pages (operation,
                                   (int) sc_document_count_pages (document,
                                                                  gtk_print_context_get_width (context),
                                                                  gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              ScDocument        *document)
{
  int n_pages = 0;

  g_object_get (operation, "n-pages", &n_pages, NULL);
  sc_document_draw_page (document, gtk_print_context_get_cairo_context (context),
                         gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                         (guint) page + 1, (guint) n_pages);
}

static void
document_free_closure (gpointer  data,
                       GClosure *closure)
{
  sc_document_free (data);
}

/* A print operation for @document (taken): on paper as in the PDF, one
 * drawing for both, on the paper the worker prefers unless the print
 * dialog says otherwise. */
GtkPrintOperation *
sc_export_print_operation_new (ScDocument *document)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *size = gtk_paper_size_new (paper () == SC_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                       : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, size);
  gtk_paper_size_free (size);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The document keeps its own margins: the whole sheet, in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, document->title);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), document,
                         document_free_closure, 0);
  return operation;
}

/* GTK's own preview would write the pages, readable, to a temporary
 * file: it is refused, and Safecase's preview offered instead. */
static gboolean
gtk_preview_cb (GtkPrintOperation        *operation,
                GtkPrintOperationPreview *preview,
                GtkPrintContext          *context,
                GtkWindow                *parent,
                gpointer                  data)
{
  GtkWidget *page = data;

  gtk_print_operation_preview_end_preview (preview);
  if (GTK_IS_WIDGET (page))
    sc_form_toast (page, _("Use Preview in Safecase: the print dialog’s preview would leave a "
                           "readable copy on the disk."));
  return TRUE;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page = data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && GTK_IS_WIDGET (page))
    {
      g_autofree char *sentence = NULL;

      gtk_print_operation_get_error (operation, &error);
      sentence = error != NULL ? sc_error_message_for (error)
                               : g_strdup (_("The document could not be printed."));
      sc_form_toast (page, sentence);
    }
  /* The document goes with the operation, now, not at the app's end. */
  g_object_unref (operation);
}

/* On paper, through the print dialog, without a nested main loop: a
 * lock cancels the dialog and the document is let go. */
static void
print_document (Export *export)
{
  GtkPrintOperation *operation = sc_export_print_operation_new (g_steal_pointer (&export->document));
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "preview", G_CALLBACK (gtk_preview_cb), export->page, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), export->page, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (export->page)), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (export->page, sentence);
      g_object_unref (operation);
    }
}

static void choose_file (Export *export);

static void
preview_response_cb (ScPreviewWindow *preview,
                     const char      *response,
                     Export          *export)
{
  if (g_str_equal (response, "save") && export->page != NULL && sc_vault_is_open (export->vault))
    choose_file (export);
  else
    {
      if (g_str_equal (response, "print") && export->page != NULL && !export->with_password)
        print_document (export);
      export_free (export);
    }
}

/* The pages drawn from memory, before anything is saved or printed. */
static void
preview_document (Export *export)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = sc_document_to_pdf (export->document, paper (), NULL, &error);
  g_autofree char *title = NULL;
  GtkWidget *preview = NULL;

  if (pdf != NULL)
    {
      title = g_strdup_printf ("%s — %s", export->document->title, export->document->initials);
      preview = sc_preview_window_new (GTK_WINDOW (gtk_widget_get_root (export->page)), pdf, title,
                                       &error);
    }
  if (pdf == NULL || preview == NULL)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (export->page, sentence);
      export_free (export);
      return;
    }
  gtk_widget_action_set_enabled (preview, "preview.print", !export->with_password);
  g_signal_connect (preview, "response", G_CALLBACK (preview_response_cb), export);
  gtk_window_present (GTK_WINDOW (preview));
}

static void
options_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Export           *export)
{
  g_autoptr(GError) error = NULL;

  if ((!g_str_equal (response, "choose") && !g_str_equal (response, "print")
       && !g_str_equal (response, "preview"))
      || export->page == NULL || !sc_vault_is_open (export->vault))
    {
      export_free (export);
      return;
    }
  export->with_password = gtk_switch_get_active (export->protect);
  /* Read now, so that the pack is what the vault says at this moment. */
  if (export->kind == SC_DOCUMENT_CHRONOLOGY)
    export->document = sc_document_chronology (export->vault, export->procedure, export->child_id,
                                               export->kinds, export->from, &error);
  else
    export->document = sc_document_build (export->kind, export->vault, export->procedure,
                                          export->concern,
                                          export->full_name != NULL
                                          && gtk_switch_get_active (export->full_name), &error);
  if (export->document == NULL)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (export->page, sentence);
      export_free (export);
      return;
    }
  /* On paper: through the system's print dialog, no file. */
  if (g_str_equal (response, "print"))
    {
      print_document (export);
      export_free (export);
      return;
    }
  if (g_str_equal (response, "preview"))
    {
      preview_document (export);
      return;
    }
  choose_file (export);
}

/* Where to save it, through the file chooser. */
static void
choose_file (Export *export)
{
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  name = sc_document_suggest_filename (export->document);
  chooser = gtk_file_chooser_native_new (export->kind == SC_DOCUMENT_LADO_REFERRAL
                                         ? _("Save the LADO Referral")
                                         : export->kind == SC_DOCUMENT_CHRONOLOGY
                                         ? _("Save the Chronology")
                                         : export->kind == SC_DOCUMENT_POLICE_SUMMARY
                                         ? _("Save the Police Summary") : _("Save the Monitoring Form"),
                                         GTK_WINDOW (gtk_widget_get_root (export->page)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), export);
  sc_form_track_native_dialog (GTK_NATIVE_DIALOG (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkSwitch *
add_switch_row (GtkWidget  *list,
                const char *title,
                const char *subtitle,
                gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row,
                                  NULL, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_SWITCH (toggle);
}

static void
protect_changed_cb (GtkSwitch        *protect,
                    GParamSpec       *pspec,
                    AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "print", !gtk_switch_get_active (protect));
}

/* Asks for the options of @export's document, then where to save it. */
static void
ask_options (Export     *export,
             const char *heading,
             const char *body)
{
  GtkWidget *list = gtk_list_box_new ();
  AdwMessageDialog *dialog;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  /* Only the referral may name the child: the others give initials or an
   * age. */
  if (export->kind == SC_DOCUMENT_LADO_REFERRAL)
    export->full_name = add_switch_row (list, _("Use the Child’s Full Name"),
                                        _("Initials are enough for most referrals."), FALSE);
  export->protect = add_switch_row (list, _("Protect With a Password"),
                                    _("Without one, anyone who gets the file can read it. Paper "
                                      "cannot be protected: turn this off to print."), TRUE);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (export->page)),
                                                       heading, body));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "preview", _("Pre_view"),
                                    "print", _("_Print…"), "choose", _("_Choose Where to Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* Paper cannot carry a password: printing needs the protection turned
   * off, knowingly. */
  adw_message_dialog_set_response_enabled (dialog, "print", FALSE);
  g_signal_connect_object (export->protect, "notify::active", G_CALLBACK (protect_changed_cb),
                           dialog, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (options_response_cb), export);
  gtk_window_present (GTK_WINDOW (dialog));
}

static Export *
export_new (GtkWidget      *page,
            ScDocumentKind  kind,
            ScVault        *vault,
            ScProcedure    *procedure)
{
  Export *export = g_new0 (Export, 1);

  export->kind = kind;
  g_set_weak_pointer (&export->page, page);
  export->vault = g_object_ref (vault);
  export->procedure = sc_procedure_ref (procedure);
  return export;
}

/* A document about @concern (the LADO referral pack, the monitoring
 * form), saved where the worker chooses. */
void
sc_export_document (GtkWidget      *page,
                    ScDocumentKind  kind,
                    ScVault        *vault,
                    ScProcedure    *procedure,
                    ScConcern      *concern)
{
  Export *export = export_new (page, kind, vault, procedure);

  export->concern = g_object_ref (concern);
  if (kind == SC_DOCUMENT_LADO_REFERRAL)
    ask_options (export, _("Export the LADO Referral"),
                 _("The pack for the LADO: who refers, the adult, the allegation, the child, "
                   "their own words, the steps taken, the evidence log (descriptions only), "
                   "contacts and the manager’s sign-off."));
  else if (kind == SC_DOCUMENT_POLICE_SUMMARY)
    ask_options (export, _("Export the Police Summary"),
                 _("What a duty officer needs first, on one page: who, what, when, where, the "
                   "adult, any immediate danger, the evidence held and who to call back; then the "
                   "detail."));
  else
    ask_options (export, _("Export the Monitoring Form"),
                 _("The e-safety incident monitoring form, its boxes ticked from the concern and "
                   "the steps done, for the Safeguarding Children Unit."));
}

/* Child @child_id's chronology, of @kinds of record from @from (NULL:
 * all time), as the chronology page shows it. */
void
sc_export_chronology (GtkWidget         *page,
                      ScVault           *vault,
                      ScProcedure       *procedure,
                      gint64             child_id,
                      ScChronologyKinds  kinds,
                      const char        *from)
{
  Export *export = export_new (page, SC_DOCUMENT_CHRONOLOGY, vault, procedure);

  export->child_id = child_id;
  export->kinds = kinds;
  export->from = g_strdup (from);
  ask_options (export, _("Export the Chronology"),
               _("The chronology as it is shown: each line numbered, with its date and time, "
                 "what happened and where it is recorded."));
}
