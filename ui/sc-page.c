/* sc-page.c: what every page of the window is given
 *
 * A page shows the vault (NULL while locked), the procedure that says what
 * is due, and the child or the concern it is about, as properties the
 * window sets with one g_object_set(). However many of them that changes,
 * the page is shown again once (ScPageClass.show), after all of them; and
 * before the vault, the child or the concern changes under a page,
 * ScPageClass.leave saves what was typed in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-page"

#include "config.h"

#include "sc-page.h"

typedef struct
{
  ScVault     *vault;
  ScProcedure *procedure;
  ScChild     *child;
  ScConcern   *concern;
} ScPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ScPage, sc_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_PROCEDURE,
  PROP_CHILD,
  PROP_CONCERN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ScVault *
sc_page_get_vault (ScPage *self)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  g_return_val_if_fail (SC_IS_PAGE (self), NULL);

  return priv->vault;
}

ScProcedure *
sc_page_get_procedure (ScPage *self)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  g_return_val_if_fail (SC_IS_PAGE (self), NULL);

  return priv->procedure;
}

ScChild *
sc_page_get_child (ScPage *self)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  g_return_val_if_fail (SC_IS_PAGE (self), NULL);

  return priv->child;
}

ScConcern *
sc_page_get_concern (ScPage *self)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  g_return_val_if_fail (SC_IS_PAGE (self), NULL);

  return priv->concern;
}

/* Forgets the vault, the child and the concern: nothing stays on screen.
 * (The procedure stays: it is the app's, not a record.) */
void
sc_page_clear (ScPage *self)
{
  g_return_if_fail (SC_IS_PAGE (self));

  g_object_set (self, "vault", NULL, "child", NULL, "concern", NULL, NULL);
}

static void
sc_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ScPagePrivate *priv = sc_page_get_instance_private (SC_PAGE (object));

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, priv->vault);
      break;
    case PROP_PROCEDURE:
      g_value_set_boxed (value, priv->procedure);
      break;
    case PROP_CHILD:
      g_value_set_object (value, priv->child);
      break;
    case PROP_CONCERN:
      g_value_set_object (value, priv->concern);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
leave (ScPage *self)
{
  if (SC_PAGE_GET_CLASS (self)->leave != NULL)
    SC_PAGE_GET_CLASS (self)->leave (self);
}

static void
sc_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ScPage *self = SC_PAGE (object);
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_VAULT:
      if (priv->vault != g_value_get_object (value))
        {
          leave (self);
          g_set_object (&priv->vault, g_value_get_object (value));
        }
      break;
    case PROP_PROCEDURE:
      g_clear_pointer (&priv->procedure, sc_procedure_unref);
      priv->procedure = g_value_dup_boxed (value);
      break;
    case PROP_CHILD:
      if (priv->child != g_value_get_object (value))
        {
          leave (self);
          g_set_object (&priv->child, g_value_get_object (value));
        }
      break;
    case PROP_CONCERN:
      if (priv->concern != g_value_get_object (value))
        {
          leave (self);
          g_set_object (&priv->concern, g_value_get_object (value));
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_page_dispatch_properties_changed (GObject     *object,
                                     guint        n_pspecs,
                                     GParamSpec **pspecs)
{
  ScPage *self = SC_PAGE (object);
  gboolean mine = FALSE;

  /* A subclass's own properties (a view-model it notifies) are not a
   * reason to show the page again. */
  for (guint i = 0; i < n_pspecs && !mine; i++)
    for (guint p = PROP_VAULT; p < N_PROPS && !mine; p++)
      mine = pspecs[i] == properties[p];
  if (mine && SC_PAGE_GET_CLASS (self)->show != NULL)
    SC_PAGE_GET_CLASS (self)->show (self);

  G_OBJECT_CLASS (sc_page_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
}

static void
sc_page_dispose (GObject *object)
{
  ScPagePrivate *priv = sc_page_get_instance_private (SC_PAGE (object));

  g_clear_object (&priv->vault);
  g_clear_pointer (&priv->procedure, sc_procedure_unref);
  g_clear_object (&priv->child);
  g_clear_object (&priv->concern);

  G_OBJECT_CLASS (sc_page_parent_class)->dispose (object);
}

static void
sc_page_class_init (ScPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sc_page_get_property;
  object_class->set_property = sc_page_set_property;
  object_class->dispatch_properties_changed = sc_page_dispatch_properties_changed;
  object_class->dispose = sc_page_dispose;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROCEDURE] =
    g_param_spec_boxed ("procedure", NULL, NULL, SC_TYPE_PROCEDURE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, SC_TYPE_CHILD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONCERN] =
    g_param_spec_object ("concern", NULL, NULL, SC_TYPE_CONCERN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_page_init (ScPage *self)
{
}
