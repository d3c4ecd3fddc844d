/* sc-preview-window.c: a document's pages, as the reader will see them
 *
 * Poppler reads the PDF from memory (nothing is written to show it) and
 * draws one page at a time, fitted to the window's width or zoomed from a
 * quarter to four times the page's size on screen. The window
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
  GtkScrolledWindow *scroller;
  GtkDrawingArea  *page_area;
  GtkButton       *zoom_button;

  GBytes          *pdf;
  PopplerDocument *document;
  guint            page;      /* from 0 */
  double           zoom;      /* 0: fitted to the width; else pixels per point */
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

#define ZOOM_MIN   (0.25 * 96.0 / 72.0)   /* a quarter of the page's size on screen */
#define ZOOM_MAX   (4.0 * 96.0 / 72.0)
#define ZOOM_STEP  1.25

static gboolean
first_page_size (ScPreviewWindow *self,
                 double          *page_width,
                 double          *page_height)
{
  PopplerPage *page;

  if (self->document == NULL || n_pages (self) == 0)
    return FALSE;
  page = poppler_document_get_page (self->document, 0);
  poppler_page_get_size (page, page_width, page_height);
  g_object_unref (page);
  return *page_width > 0 && *page_height > 0;
}

static void
area_resized_cb (GtkDrawingArea *area,
                 int             width,
                 int             height,
                 gpointer        data)
{
  ScPreviewWindow *self = SC_PREVIEW_WINDOW (data);
  double page_width, page_height;

  /* Fitted: the page's own proportions at the width there is. */
  if (self->zoom == 0 && first_page_size (self, &page_width, &page_height))
    gtk_drawing_area_set_content_height (area, (int) (width * page_height / page_width));
}

/* Pixels per point as the page is shown now. */
static double
shown_scale (ScPreviewWindow *self)
{
  double page_width, page_height;
  int width = gtk_widget_get_width (GTK_WIDGET (self->page_area));

  if (self->zoom > 0)
    return self->zoom;
  if (!first_page_size (self, &page_width, &page_height) || width <= 0)
    return 96.0 / 72.0;
  return width / page_width;
}

/* The drawing area fills the width when fitted, and is the zoomed page's
 * size, centred and scrolled both ways, otherwise. */
static void
show_zoom (ScPreviewWindow *self)
{
  double page_width, page_height;
  g_autofree char *percent = NULL;

  if (self->zoom == 0)
    {
      gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_widget_set_halign (GTK_WIDGET (self->page_area), GTK_ALIGN_FILL);
      gtk_drawing_area_set_content_width (self->page_area, 0);
      /* Translators: the preview's zoom button while the page fits the window's width. */
      gtk_button_set_label (self->zoom_button, _("Fit"));
      gtk_widget_queue_resize (GTK_WIDGET (self->page_area));
    }
  else if (first_page_size (self, &page_width, &page_height))
    {
      gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
      gtk_widget_set_halign (GTK_WIDGET (self->page_area), GTK_ALIGN_CENTER);
      gtk_drawing_area_set_content_width (self->page_area, (int) (page_width * self->zoom));
      gtk_drawing_area_set_content_height (self->page_area, (int) (page_height * self->zoom));
      /* Translators: the preview's zoom, as a percentage of the page's size on screen. */
      percent = g_strdup_printf (_("%.0f%%"), self->zoom * 72.0 / 96.0 * 100.0);
      gtk_button_set_label (self->zoom_button, percent);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", self->zoom != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", shown_scale (self) < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", shown_scale (self) > ZOOM_MIN);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

/* preview.zoom-in, preview.zoom-out: a step from the size shown now;
 * preview.zoom-fit: back to the window's width. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScPreviewWindow *self = SC_PREVIEW_WINDOW (widget);
  double scale = shown_scale (self);

  if (g_str_equal (action_name, "preview.zoom-in"))
    self->zoom = CLAMP (scale * ZOOM_STEP, ZOOM_MIN, ZOOM_MAX);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    self->zoom = CLAMP (scale / ZOOM_STEP, ZOOM_MIN, ZOOM_MAX);
  else
    self->zoom = 0;
  show_zoom (self);
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
  /* A page turned is read from its top left. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scroller), 0);
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
  gtk_widget_class_bind_template_child (widget_class, ScPreviewWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScPreviewWindow, page_area);
  gtk_widget_class_bind_template_child (widget_class, ScPreviewWindow, zoom_button);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, turn_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, turn_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.save", NULL, answer_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, answer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit", NULL);
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
  show_zoom (self);
  return GTK_WIDGET (self);
}

guint
sc_preview_window_get_page (ScPreviewWindow *self)
{
  g_return_val_if_fail (SC_IS_PREVIEW_WINDOW (self), 0);

  return self->page + 1;
}

/* The page's size on screen as a percentage (100: its size in print on a
 * 96 dpi screen), and whether it is fitted to the window's width. */
double
sc_preview_window_get_zoom (ScPreviewWindow *self,
                            gboolean        *fitted)
{
  g_return_val_if_fail (SC_IS_PREVIEW_WINDOW (self), 0);

  if (fitted != NULL)
    *fitted = self->zoom == 0;
  return shown_scale (self) * 72.0 / 96.0 * 100.0;
}

guint
sc_preview_window_get_n_pages (ScPreviewWindow *self)
{
  g_return_val_if_fail (SC_IS_PREVIEW_WINDOW (self), 0);

  return n_pages (self);
}
