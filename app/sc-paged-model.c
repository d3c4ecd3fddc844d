/* sc-paged-model.c: a list of records, read from the vault a page at a time
 *
 * A GListModel that knows only how many records match its query, and reads
 * the page holding a position when a list view asks for it, keeping the few
 * pages last used. Thousands of children or a hundred thousand contacts
 * cost a count and the pages on screen, never a load of every row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-paged-model"

#include "config.h"

#include "sc-child.h"
#include "sc-contact.h"
#include "sc-paged-model.h"
#include "sc-records.h"

#define PAGES_KEPT 6

ScQuery *
sc_query_new (void)
{
  ScQuery *query = g_new0 (ScQuery, 1);

  query->text = g_strdup ("");
  query->channel = g_strdup ("");
  query->from = g_strdup ("");
  query->to = g_strdup ("");
  return query;
}

ScQuery *
sc_query_copy (const ScQuery *query)
{
  ScQuery *copy = g_new0 (ScQuery, 1);

  copy->text = g_strdup (query->text != NULL ? query->text : "");
  copy->child_id = query->child_id;
  copy->channel = g_strdup (query->channel != NULL ? query->channel : "");
  copy->from = g_strdup (query->from != NULL ? query->from : "");
  copy->to = g_strdup (query->to != NULL ? query->to : "");
  copy->personal_only = query->personal_only;
  return copy;
}

void
sc_query_free (ScQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query->channel);
  g_free (query->from);
  g_free (query->to);
  g_free (query);
}

gboolean
sc_query_equal (const ScQuery *a,
                const ScQuery *b)
{
  return g_strcmp0 (a->text, b->text) == 0 && a->child_id == b->child_id
         && g_strcmp0 (a->channel, b->channel) == 0 && g_strcmp0 (a->from, b->from) == 0
         && g_strcmp0 (a->to, b->to) == 0 && a->personal_only == b->personal_only;
}

typedef struct
{
  guint      index;
  GPtrArray *items;
} Page;

struct _ScPagedModel
{
  GObject  parent_instance;

  ScVault *vault;
  GType    item_type;
  ScQuery *query;
  guint    n_items;
  GQueue   pages;         /* of Page, most recently used first */
  guint    pages_loaded;  /* how many page reads, for tests and the benchmark */
  guint    refresh_source;
  ScPagedModelPageFunc page_func;
  gpointer             page_data;
  GDestroyNotify       page_destroy;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScPagedModel, sc_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
drop_pages (ScPagedModel *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

static gboolean
count_items (ScPagedModel *self,
             guint        *count,
             GError      **error)
{
  if (self->item_type == SC_TYPE_CHILD)
    return sc_records_count_children (self->vault, self->query->text, count, error);
  return sc_records_count_contacts (self->vault, self->query, count, error);
}

static GPtrArray *
fetch_items (ScPagedModel *self,
             guint         offset,
             guint         limit,
             GError      **error)
{
  if (self->item_type == SC_TYPE_CHILD)
    return sc_records_list_children (self->vault, self->query->text, offset, limit, error);
  return sc_records_list_contacts (self->vault, self->query, offset, limit, error);
}

static GType
sc_paged_model_get_item_type (GListModel *model)
{
  return SC_PAGED_MODEL (model)->item_type;
}

static guint
sc_paged_model_get_n_items (GListModel *model)
{
  return SC_PAGED_MODEL (model)->n_items;
}

static Page *
find_page (ScPagedModel *self,
           guint         index)
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
sc_paged_model_get_item (GListModel *model,
                         guint       position)
{
  ScPagedModel *self = SC_PAGED_MODEL (model);
  guint index = position / SC_PAGED_MODEL_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  if (!(page = find_page (self, index)))
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *items = fetch_items (self, index * SC_PAGED_MODEL_PAGE_SIZE,
                                      SC_PAGED_MODEL_PAGE_SIZE, &error);

      if (items == NULL)
        {
          /* The vault was locked under us, or failed: blank rows now, and
           * the window refreshes or hides the list. */
          g_message ("Could not read a page of a list: %s", error->message);
          items = g_ptr_array_new_with_free_func (g_object_unref);
        }

      /* What the rows show besides the records, read for the whole page at
       * once (the caseload's overdue lines), never while a row binds. */
      if (self->page_func != NULL)
        self->page_func (self, items, self->page_data);

      page = g_new0 (Page, 1);
      page->index = index;
      page->items = items;
      g_queue_push_head (&self->pages, page);
      self->pages_loaded++;
      while (self->pages.length > PAGES_KEPT)
        page_free (g_queue_pop_tail (&self->pages));
    }

  if (position % SC_PAGED_MODEL_PAGE_SIZE >= page->items->len)
    return g_object_new (self->item_type, NULL);   /* rows removed since the count */
  return g_object_ref (page->items->pdata[position % SC_PAGED_MODEL_PAGE_SIZE]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sc_paged_model_get_item_type;
  iface->get_n_items = sc_paged_model_get_n_items;
  iface->get_item = sc_paged_model_get_item;
}

static void
sc_paged_model_finalize (GObject *object)
{
  ScPagedModel *self = (ScPagedModel *) object;

  drop_pages (self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->page_destroy != NULL)
    self->page_destroy (self->page_data);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->query, sc_query_free);

  G_OBJECT_CLASS (sc_paged_model_parent_class)->finalize (object);
}

static void
sc_paged_model_class_init (ScPagedModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_paged_model_finalize;
}

static void
sc_paged_model_init (ScPagedModel *self)
{
  g_queue_init (&self->pages);
}

static gboolean
refresh_cb (gpointer data)
{
  ScPagedModel *self = data;

  self->refresh_source = 0;
  sc_paged_model_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many rows written in one go (contacts marked copied) refresh once, before
 * the next frame is drawn. */
static void
vault_changed_cb (ScPagedModel *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

/* @item_type is SC_TYPE_CHILD or SC_TYPE_CONTACT. */
ScPagedModel *
sc_paged_model_new (ScVault       *vault,
                    GType          item_type,
                    const ScQuery *query)
{
  ScPagedModel *self;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (item_type == SC_TYPE_CHILD || item_type == SC_TYPE_CONTACT, NULL);

  self = g_object_new (SC_TYPE_PAGED_MODEL, NULL);
  self->vault = g_object_ref (vault);
  self->item_type = item_type;
  self->query = query != NULL ? sc_query_copy (query) : sc_query_new ();
  sc_paged_model_refresh (self);

  /* The list follows the vault. A caseload row also shows what is overdue
   * among the child's concerns, so children follow concerns and steps. */
  if (item_type == SC_TYPE_CHILD)
    {
      g_signal_connect_object (vault, "changed::child", G_CALLBACK (vault_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (vault, "changed::concern", G_CALLBACK (vault_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (vault, "changed::response_step", G_CALLBACK (vault_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    g_signal_connect_object (vault, "changed::contact", G_CALLBACK (vault_changed_cb), self,
                             G_CONNECT_SWAPPED);
  return self;
}

/* Counts again and forgets every page: after a change, or a new query. */
void
sc_paged_model_refresh (ScPagedModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;
  guint count = 0;

  g_return_if_fail (SC_IS_PAGED_MODEL (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (!count_items (self, &count, &error))
    g_message ("Could not count a list: %s", error->message);

  drop_pages (self);
  self->n_items = count;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, count);
}

void
sc_paged_model_set_query (ScPagedModel  *self,
                          const ScQuery *query)
{
  g_return_if_fail (SC_IS_PAGED_MODEL (self));

  if (sc_query_equal (self->query, query))
    return;

  sc_query_free (self->query);
  self->query = sc_query_copy (query);
  sc_paged_model_refresh (self);
}

const ScQuery *
sc_paged_model_get_query (ScPagedModel *self)
{
  g_return_val_if_fail (SC_IS_PAGED_MODEL (self), NULL);

  return self->query;
}

guint
sc_paged_model_get_pages_loaded (ScPagedModel *self)
{
  g_return_val_if_fail (SC_IS_PAGED_MODEL (self), 0);

  return self->pages_loaded;
}

/* @func is called with each page as it is read from the vault, before any
 * of its items is handed out. */
void
sc_paged_model_set_page_func (ScPagedModel         *self,
                              ScPagedModelPageFunc  func,
                              gpointer              user_data,
                              GDestroyNotify        destroy)
{
  g_return_if_fail (SC_IS_PAGED_MODEL (self));

  if (self->page_destroy != NULL)
    self->page_destroy (self->page_data);
  self->page_func = func;
  self->page_data = user_data;
  self->page_destroy = destroy;
  drop_pages (self);
}
