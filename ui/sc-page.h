/* sc-page.h: what every page of the window is given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-child.h"
#include "sc-concern.h"
#include "sc-procedure.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_PAGE (sc_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (ScPage, sc_page, SC, PAGE, GtkWidget)

struct _ScPageClass
{
  GtkWidgetClass parent_class;

  /* Before the vault, the child or the concern changes: what is typed is
   * saved, and the page lets go of them. */
  void (*leave) (ScPage *self);
  /* After a g_object_set() changed any of vault, procedure, child or
   * concern, once: the page shows what it now has. */
  void (*show)  (ScPage *self);

  gpointer padding[4];
};

ScVault     *sc_page_get_vault     (ScPage *self);
ScProcedure *sc_page_get_procedure (ScPage *self);
ScChild     *sc_page_get_child     (ScPage *self);
ScConcern   *sc_page_get_concern   (ScPage *self);
void         sc_page_clear         (ScPage *self);

G_END_DECLS
