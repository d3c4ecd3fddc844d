/* sc-preview-window.c: a document's pages, as the reader will see them
 *
 * Poppler reads the PDF from memory (nothing is written to show it) and
 * draws one page at a time, fitted to the window's width. The window
 * answers with its "response" signal: "save", "print" or "close".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-preview-window"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <sodium.h>

#include "sc-preview-window.h"

struct _ScPreviewWindow
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkLabel        *page_label;
  GtkDrawingArea  *page_area;

  GBytes          *pdf;
  PopplerDocument *document;
  guint            page;      /* from 0 */
  gboolean         answered;
};

G_DEFINE_FINAL_TYPE (ScPreviewWindow, sc_preview_window, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_pages (ScPreviewWindow *self)
{
  return self->document != NULL ? (guint) poppler_document_get_n_pages (self->document) : 0;
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  ScPreviewWindow *self = SC_PREVIEW_WINDOW (data);
  PopplerPage *page;
  double page_width, page_height, scale;

  if (self->document == NULL || self->page >= n_pages (self))
    return;
  page = poppler_document_get_page (self->document, (int) self->page);
  poppler_page_get_size (page, &page_width, &page_height);
  scale = width / page_width;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, page_width * scale, page_height * scale);
  cairo_fill (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  g_object_unref (page);
}

static void
area_resized_cb (GtkDrawingArea *area,
                 int             width,
                 int             height,
                 gpointer        data)
{
  ScPreviewWindow *self = SC_PREVIEW_WINDOW (data);
  PopplerPage *page;
  double page_width, page_height;

  if (self->document == NULL || n_pages (self) == 0)
    return;
  /* The page's own proportions at the width there is. */
  page = poppler_document_get_page (self->document, 0);
  poppler_page_get_size (page, &page_width, &page_height);
  g_object_unref (page);
  gtk_drawing_area_set_content_height (area, (int) (width * page_height / page_width));
}

static void
show_page (ScPreviewWindow *self)
{
  g_autofree char *said = g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages (self));

  gtk_label_set_text (self->page_label, said);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  said, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page + 1 < n_pages (self));
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

static void
turn_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScPreviewWindow *self = SC_PREVIEW_WINDOW (widget);

  if (g_str_equal (action_name, "preview.next") && self->page + 1 < n_pages (self))
    self->page++;
  else if (g_str_equal (action_name, "preview.previous") && self->page > 0)
    self->page--;
  show_page (self);
}

/* preview.save, preview.print: answered, and the window goes. */
static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScPreviewWindow *self = SC_PREVIEW_WINDOW (widget);

  self->answered = TRUE;
  g_signal_emit (self, signals[RESPONSE], 0,
                 g_str_equal (action_name, "preview.save") ? "save" : "print");
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
sc_preview_window_close_request (GtkWindow *window)
{
  ScPreviewWindow *self = SC_PREVIEW_WINDOW (window);

  if (!self->answered)
    {
      self->answered = TRUE;
      g_signal_emit (self, signals[RESPONSE], 0, "close");
    }
  return GTK_WINDOW_CLASS (sc_preview_window_parent_class)->close_request (window);
}

static void
sc_preview_window_dispose (GObject *object)
{
  ScPreviewWindow *self = SC_PREVIEW_WINDOW (object);

  /* Destroyed without an answer (a lock closes every window): said once. */
  if (!self->answered)
    {
      self->answered = TRUE;
      g_signal_emit (self, signals[RESPONSE], 0, "close");
    }
  g_clear_object (&self->document);
  /* The unprotected drawing is wiped before it is let go. */
  if (self->pdf != NULL)
    sodium_memzero ((gpointer) g_bytes_get_data (self->pdf, NULL), g_bytes_get_size (self->pdf));
  g_clear_pointer (&self->pdf, g_bytes_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_PREVIEW_WINDOW);

  G_OBJECT_CLASS (sc_preview_window_parent_class)->dispose (object);
}

static void
sc_preview_window_class_init (ScPreviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sc_preview_window_dispose;
  window_class->close_request = sc_preview_window_close_request;

  signals[RESPONSE] = g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-preview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScPreviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScPreviewWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, ScPreviewWindow, page_area);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, turn_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, turn_action);
  gtk_widget_class_install_action (widget_class, "preview.save", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, answer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
}

static void
sc_preview_window_init (ScPreviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->page_area, draw_page_cb, self, NULL);
  g_signal_connect (self->page_area, "resize", G_CALLBACK (area_resized_cb), self);
}

/* @pdf's pages, titled @title (which holds initials, never a name). */
GtkWidget *
sc_preview_window_new (GtkWindow   *parent,
                       GBytes      *pdf,
                       const char  *title,
                       GError     **error)
{
  ScPreviewWindow *self;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, error);

  if (document == NULL)
    return NULL;
  self = g_object_new (SC_TYPE_PREVIEW_WINDOW, "transient-for", parent, NULL);
  self->pdf = g_bytes_ref (pdf);
  self->document = document;
  adw_window_title_set_subtitle (self->window_title, title);
  show_page (self);
  return GTK_WIDGET (self);
}

guint
sc_preview_window_get_page (ScPreviewWindow *self)
{
  g_return_val_if_fail (SC_IS_PREVIEW_WINDOW (self), 0);

  return self->page + 1;
}

guint
sc_preview_window_get_n_pages (ScPreviewWindow *self)
{
  g_return_val_if_fail (SC_IS_PREVIEW_WINDOW (self), 0);

  return n_pages (self);
}
