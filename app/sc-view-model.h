/* sc-view-model.h: what the core's view-models share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Each notifies @pspec only when the value really changes. */
void        sc_view_model_set_string   (GObject     *object,
                                        char       **field,
                                        const char  *value,
                                        GParamSpec  *pspec);
void        sc_view_model_set_boolean  (GObject     *object,
                                        gboolean    *field,
                                        gboolean     value,
                                        GParamSpec  *pspec);

/* Read-only properties that the widgets bind to. */
GParamSpec *sc_view_model_string_property  (const char *name);
GParamSpec *sc_view_model_boolean_property (const char *name);

G_END_DECLS
