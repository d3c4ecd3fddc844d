/* sc-test-ui.h: helpers for the tests that drive real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-application.h"
#include "sc-window.h"

G_BEGIN_DECLS

#define SC_TEST_WORKER     "Sam Taylor"
#define SC_TEST_PASSPHRASE "Blue-Kettle-42"

typedef gboolean (*ScTestCondition) (gpointer data);

void sc_test_ui_init    (int             *argc,
                         char          ***argv);
void sc_test_ui_add     (const char       *path,
                         void            (*func) (void));
void sc_test_ui_add_restart (const char  *path,
                             void       (*first) (void),
                             ...) G_GNUC_NULL_TERMINATED;
void sc_test_wait_until (ScTestCondition  condition,
                         gpointer         data,
                         const char      *what);
void sc_test_settle     (void);
void sc_test_new_login_session (void);
gint64          sc_test_vault_with_child  (const char     *name);
ScApplication  *sc_test_start_on_caseload (ScWindow      **window_out);
const char     *sc_test_visible_page  (ScWindow       *window);
GtkWidget      *sc_test_page          (ScWindow       *window,
                                       const char     *name);
void            sc_test_wait_for_page (ScWindow       *window,
                                       const char     *page);
ScApplication  *sc_test_start_app     (gboolean        demo,
                                       ScWindow      **window_out);
void            sc_test_stop_app      (ScApplication  *app,
                                       ScWindow       *window);
void            sc_test_set_size      (ScWindow       *window,
                                       int             width,
                                       int             height);
GtkWidget      *sc_test_find_label    (GtkWidget      *root,
                                       const char     *prefix);
GtkWidget      *sc_test_find_widget   (GtkWidget      *root,
                                       GType           type);
GtkWidget      *sc_test_find_text     (GtkWidget      *root,
                                       const char     *needle);
GtkWidget      *sc_test_find_row      (GtkWidget      *root,
                                       const char     *title);
GtkWidget      *sc_test_find_by_id    (GtkWidget      *root,
                                       const char     *id);
const char     *sc_test_shown_text    (GtkWidget      *root,
                                       const char     *label_id);
GtkTextBuffer  *sc_test_text_buffer   (GtkWidget      *root,
                                       const char     *view_id);
GtkEditable    *sc_test_editable      (GtkWidget      *root,
                                       const char     *id);
guint           sc_test_count_items   (GtkWidget      *root,
                                       const char     *list_id);
void            sc_test_choose_file   (GFile          *file);
GPtrArray      *sc_test_find_all      (GtkWidget      *root,
                                       GType           type);
GtkWidget      *sc_test_wait_for_window (GType         type);
void            sc_test_select_choice (AdwComboRow    *row,
                                       const char     *field,
                                       const char     *id);
void            sc_test_open_child    (ScWindow       *window,
                                       gint64          child_id);
void sc_test_save_png   (GtkWidget       *widget,
                         const char      *name);

G_END_DECLS
