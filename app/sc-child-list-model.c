/* sc-child-list-model.c: the caseload, read from the vault a page at a time
 *
 * A GListModel of ScChild that knows only how many children match its
 * filter, and reads the page holding a position when a list view asks for
 * it, keeping the few pages last used. Thousands of children cost a count
 * and the pages on screen, not a load of every row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-child-list-model"

#include "config.h"

#include "sc-child-list-model.h"
#include "sc-records.h"

#define PAGES_KEPT 6

typedef struct
{
  guint      index;
  GPtrArray *children;
} Page;

struct _ScChildListModel
{
  GObject  parent_instance;

  ScVault *vault;
  char    *filter;
  guint    n_items;
  GQueue   pages;         /* of Page, most recently used first */
  guint    pages_loaded;  /* how many page reads, for tests and the benchmark */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScChildListModel, sc_child_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_FILTER,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->children);
  g_free (page);
}

static void
drop_pages (ScChildListModel *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

static GType
sc_child_list_model_get_item_type (GListModel *model)
{
  return SC_TYPE_CHILD;
}

static guint
sc_child_list_model_get_n_items (GListModel *model)
{
  return SC_CHILD_LIST_MODEL (model)->n_items;
}

static Page *
find_page (ScChildListModel *self,
           guint             index)
{
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      if (page->index == index)
        {
          /* Most recently used to the front. */
          g_queue_unlink (&self->pages, l);
          g_queue_push_head_link (&self->pages, l);
          return page;
        }
    }
  return NULL;
}

static gpointer
sc_child_list_model_get_item (GListModel *model,
                              guint       position)
{
  ScChildListModel *self = SC_CHILD_LIST_MODEL (model);
  guint index = position / SC_CHILD_LIST_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  if (!(page = find_page (self, index)))
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *children = sc_records_list_children (self->vault, self->filter,
                                                      index * SC_CHILD_LIST_PAGE_SIZE,
                                                      SC_CHILD_LIST_PAGE_SIZE, &error);

      if (children == NULL)
        {
          /* The vault was locked under us, or failed: a blank row now, and
           * the window refreshes or hides the list. */
          g_message ("Could not read a page of the caseload: %s", error->message);
          children = g_ptr_array_new_with_free_func (g_object_unref);
        }

      page = g_new0 (Page, 1);
      page->index = index;
      page->children = children;
      g_queue_push_head (&self->pages, page);
      self->pages_loaded++;
      while (self->pages.length > PAGES_KEPT)
        page_free (g_queue_pop_tail (&self->pages));
    }

  if (position % SC_CHILD_LIST_PAGE_SIZE >= page->children->len)
    return sc_child_new ();   /* rows removed since the count */
  return g_object_ref (page->children->pdata[position % SC_CHILD_LIST_PAGE_SIZE]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sc_child_list_model_get_item_type;
  iface->get_n_items = sc_child_list_model_get_n_items;
  iface->get_item = sc_child_list_model_get_item;
}

static void
sc_child_list_model_finalize (GObject *object)
{
  ScChildListModel *self = (ScChildListModel *) object;

  drop_pages (self);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (sc_child_list_model_parent_class)->finalize (object);
}

static void
sc_child_list_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ScChildListModel *self = SC_CHILD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_child_list_model_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ScChildListModel *self = SC_CHILD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      sc_child_list_model_set_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_child_list_model_class_init (ScChildListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_child_list_model_finalize;
  object_class->get_property = sc_child_list_model_get_property;
  object_class->set_property = sc_child_list_model_set_property;

  /* What the worker typed in the caseload's search entry. */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_child_list_model_init (ScChildListModel *self)
{
  self->filter = g_strdup ("");
  g_queue_init (&self->pages);
}

ScChildListModel *
sc_child_list_model_new (ScVault *vault)
{
  ScChildListModel *self = g_object_new (SC_TYPE_CHILD_LIST_MODEL, NULL);

  self->vault = g_object_ref (vault);
  sc_child_list_model_refresh (self);
  return self;
}

/* Counts again and forgets every page: after a change, or a new filter. */
void
sc_child_list_model_refresh (ScChildListModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;
  guint count = 0;

  g_return_if_fail (SC_IS_CHILD_LIST_MODEL (self));

  if (!sc_records_count_children (self->vault, self->filter, &count, &error))
    g_message ("Could not count the caseload: %s", error->message);

  drop_pages (self);
  self->n_items = count;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, count);
  if (old != count)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
sc_child_list_model_set_filter (ScChildListModel *self,
                                const char       *filter)
{
  g_return_if_fail (SC_IS_CHILD_LIST_MODEL (self));

  if (filter == NULL)
    filter = "";
  if (g_strcmp0 (self->filter, filter) == 0)
    return;

  g_free (self->filter);
  self->filter = g_strdup (filter);
  if (self->vault != NULL)
    sc_child_list_model_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

const char *
sc_child_list_model_get_filter (ScChildListModel *self)
{
  g_return_val_if_fail (SC_IS_CHILD_LIST_MODEL (self), NULL);

  return self->filter;
}

guint
sc_child_list_model_get_pages_loaded (ScChildListModel *self)
{
  g_return_val_if_fail (SC_IS_CHILD_LIST_MODEL (self), 0);

  return self->pages_loaded;
}
