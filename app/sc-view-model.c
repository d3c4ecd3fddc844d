/* sc-view-model.c: what the core's view-models share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-view-model"

#include "config.h"

#include "sc-view-model.h"

void
sc_view_model_set_string (GObject     *object,
                          char       **field,
                          const char  *value,
                          GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}

void
sc_view_model_set_boolean (GObject    *object,
                           gboolean   *field,
                           gboolean    value,
                           GParamSpec *pspec)
{
  if (*field == !!value)
    return;
  *field = !!value;
  g_object_notify_by_pspec (object, pspec);
}

GParamSpec *
sc_view_model_string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

GParamSpec *
sc_view_model_boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}
