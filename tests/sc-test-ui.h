/* sc-test-ui.h: helpers for the tests that drive real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*ScTestCondition) (gpointer data);

void sc_test_ui_add     (const char       *path,
                         void            (*func) (void));
void sc_test_wait_until (ScTestCondition  condition,
                         gpointer         data,
                         const char      *what);
void sc_test_settle     (void);
void sc_test_save_png   (GtkWidget       *widget,
                         const char      *name);

G_END_DECLS
