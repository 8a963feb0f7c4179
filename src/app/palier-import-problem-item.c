/* palier-import-problem-item.c: a row that an import would reject
 *
 * The items of the import dialog's list of rows that would fail.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include "palier-import-problem-item.h"

struct _PalierImportProblemItem
{
  GObject parent_instance;

  guint64 line;
  char *column;
  char *value;
  char *reason;
};

G_DEFINE_FINAL_TYPE (PalierImportProblemItem, palier_import_problem_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LINE,
  PROP_COLUMN,
  PROP_VALUE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
palier_import_problem_item_finalize (GObject *object)
{
  PalierImportProblemItem *self = PALIER_IMPORT_PROBLEM_ITEM (object);

  g_free (self->column);
  g_free (self->value);
  g_free (self->reason);

  G_OBJECT_CLASS (palier_import_problem_item_parent_class)->finalize (object);
}

static void
palier_import_problem_item_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  PalierImportProblemItem *self = PALIER_IMPORT_PROBLEM_ITEM (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_uint64 (value, self->line);
      break;

    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_import_problem_item_class_init (PalierImportProblemItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palier_import_problem_item_finalize;
  object_class->get_property = palier_import_problem_item_get_property;

  /* 1-based line of the file where the rejected record starts. */
  properties[PROP_LINE] =
    g_param_spec_uint64 ("line", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palier_import_problem_item_init (PalierImportProblemItem *self)
{
}

/* The core's messages start with "FILE:LINE: ", which the list shows in
 * its own columns. */
static char *
strip_location (const char *message,
                const char *file_name,
                guint64     line)
{
  g_autofree char *prefix = g_strdup_printf ("%s:%" G_GUINT64_FORMAT ": ", file_name, line);

  if (g_str_has_prefix (message, prefix))
    return g_strdup (message + strlen (prefix));

  return g_strdup (message);
}

PalierImportProblemItem *
palier_import_problem_item_new (const PalierImportProblem *problem,
                                const char                *file_name)
{
  PalierImportProblemItem *self;

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  self = g_object_new (PALIER_TYPE_IMPORT_PROBLEM_ITEM, NULL);
  self->line = problem->line;
  self->column = g_strdup (problem->column);
  self->value = g_strdup (problem->value);
  self->reason = strip_location (problem->message, file_name, problem->line);

  return self;
}

guint64
palier_import_problem_item_get_line (PalierImportProblemItem *self)
{
  g_return_val_if_fail (PALIER_IS_IMPORT_PROBLEM_ITEM (self), 0);

  return self->line;
}

const char *
palier_import_problem_item_get_column (PalierImportProblemItem *self)
{
  g_return_val_if_fail (PALIER_IS_IMPORT_PROBLEM_ITEM (self), NULL);

  return self->column;
}

const char *
palier_import_problem_item_get_value (PalierImportProblemItem *self)
{
  g_return_val_if_fail (PALIER_IS_IMPORT_PROBLEM_ITEM (self), NULL);

  return self->value;
}

const char *
palier_import_problem_item_get_reason (PalierImportProblemItem *self)
{
  g_return_val_if_fail (PALIER_IS_IMPORT_PROBLEM_ITEM (self), NULL);

  return self->reason;
}
