/* sc-choices.h: the lists a field's value is chosen from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;       /* what the vault keeps */
  const char *label;    /* what the worker reads (untranslated; use sc_choice_label) */
} ScChoice;

/* The choices of a field ("placement", "intent", "area", "involvement",
 * "location", "setting-type", "incident-types", "media", "status"), in the
 * order they are offered; NULL for a free-text field. */
const ScChoice *sc_choices_for      (const char  *field,
                                     guint       *n_choices);
const char     *sc_choice_label     (const char  *field,
                                     const char  *id);
gboolean        sc_choice_is_valid  (const char  *field,
                                     const char  *value);
gboolean        sc_choice_is_multiple (const char *field);

/* Multi-valued fields keep their ids comma-separated. */
gboolean        sc_choice_list_has  (const char  *list,
                                     const char  *id);
char           *sc_choice_list_set  (const char  *list,
                                     const char  *id,
                                     gboolean     present);
char           *sc_choice_list_labels (const char *field,
                                       const char *list);

G_END_DECLS
