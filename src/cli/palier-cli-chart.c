/* palier-cli-chart.c: "palier-cli chart", charts to PNG, SVG or PDF */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n.h>

#include "palier-cli-private.h"

#define DEFAULT_WIDTH  960
#define DEFAULT_HEIGHT 600
#define MIN_SIZE       100
#define MAX_SIZE       10000

typedef struct {
  char               *program;
  char               *workspace;
  PalierCliSalesArgs  sales;
  char               *kind;
  char               *component;
  char               *segment;
  char               *quota;
  int                 width;
  int                 height;
  char               *from;
  char               *to;
  char               *output;
  gboolean            dark;
} ChartArgs;

/* What the draw callback needs for the chosen kind. */
typedef struct {
  PalierChartKind     kind;
  PalierCurveSpec     curve;
  PalierResult       *result;
  PalierChartStyle    style;
} ChartJob;

static void
chart_args_clear (ChartArgs *args)
{
  g_clear_pointer (&args->program, g_free);
  g_clear_pointer (&args->workspace, g_free);
  _palier_cli_sales_args_clear (&args->sales);
  g_clear_pointer (&args->kind, g_free);
  g_clear_pointer (&args->component, g_free);
  g_clear_pointer (&args->segment, g_free);
  g_clear_pointer (&args->quota, g_free);
  g_clear_pointer (&args->from, g_free);
  g_clear_pointer (&args->to, g_free);
  g_clear_pointer (&args->output, g_free);
}

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  const ChartJob *job = user_data;

  switch (job->kind)
    {
    case PALIER_CHART_PAYOUT_CURVE:
      palier_chart_draw_payout_curve (cr, width, height, &job->curve, &job->style);
      break;

    case PALIER_CHART_PERIODS:
      palier_chart_draw_periods (cr, width, height, job->result, &job->style);
      break;

    case PALIER_CHART_DISTRIBUTION:
      palier_chart_draw_distribution (cr, width, height, job->result, &job->style);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Checks the options that need no file. */
static gboolean
chart_args_check (const ChartArgs    *args,
                  PalierChartKind    *kind,
                  PalierImageFormat  *format,
                  GError            **error)
{
  if (args->program == NULL || args->kind == NULL || args->output == NULL)
    {
      _palier_cli_set_usage_error (error, _("--program, --kind and --output are required"));
      return FALSE;
    }

  if (!palier_chart_kind_from_string (args->kind, kind))
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid --kind “%s”; use payout-curve, periods or distribution"),
                                   args->kind);
      return FALSE;
    }

  if (!palier_image_format_from_path (args->output, format))
    {
      _palier_cli_set_usage_error (error,
                                   _("cannot tell the image format of “%s”; end the file name with .png, .svg or .pdf"),
                                   args->output);
      return FALSE;
    }

  if (args->width < MIN_SIZE || args->width > MAX_SIZE
      || args->height < MIN_SIZE || args->height > MAX_SIZE)
    {
      _palier_cli_set_usage_error (error,
                                   _("invalid size %d×%d; --width and --height must be between %d and %d"),
                                   args->width, args->height, MIN_SIZE, MAX_SIZE);
      return FALSE;
    }

  if (*kind != PALIER_CHART_PAYOUT_CURVE
      && (args->component != NULL || args->segment != NULL || args->quota != NULL))
    {
      _palier_cli_set_usage_error (error,
                                   _("--component, --segment and --quota only apply to --kind payout-curve"));
      return FALSE;
    }

  return TRUE;
}

/* The component the curve shows: the one named, or the program's first
 * commission or bonus. */
static const PalierComponent *
find_curve_component (const PalierProgram  *program,
                      const char           *id,
                      GError              **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < program->components->len; i++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, i);
      gboolean drawable = component->kind == PALIER_COMPONENT_COMMISSION
                          || component->kind == PALIER_COMPONENT_BONUS;

      if (id == NULL ? drawable : g_str_equal (component->id, id))
        {
          if (!drawable)
            break;
          return component;
        }

      if (drawable)
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? ", " : "", component->id);
    }

  if (id == NULL)
    g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                 _("the program “%s” has no commission or bonus to draw"), program->id);
  else
    g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                 _("the program “%s” has no commission or bonus “%s”; choose one of: %s"),
                 program->id, id, ids->str);
  return NULL;
}

static gboolean
prepare_curve (const ChartArgs      *args,
               const PalierProgram  *program,
               ChartJob             *job,
               GError              **error)
{
  const PalierComponent *component;

  component = find_curve_component (program, args->component, error);
  if (component == NULL)
    return FALSE;

  job->curve.program = program;
  job->curve.component = component;
  job->curve.segment = args->segment;
  job->curve.quota = 0;

  if (args->quota != NULL)
    {
      g_autoptr(GError) parse_error = NULL;

      if (!palier_decimal_parse (args->quota, -1, &job->curve.quota, &parse_error))
        {
          _palier_cli_set_usage_error (error, _("invalid --quota “%s”: %s"),
                                       args->quota, parse_error->message);
          return FALSE;
        }
      return TRUE;
    }

  if (!palier_program_quota_for_segment (program, args->segment, &job->curve.quota)
      && component->basis == PALIER_BASIS_ATTAINMENT)
    {
      g_set_error (error, PALIER_CLI_ERROR, PALIER_CLI_ERROR_FAILED,
                   _("the component “%s” pays on attainment but the program has no quota "
                     "for this partner; give --quota or --segment"),
                   component->id);
      return FALSE;
    }

  return TRUE;
}

static PalierResult *
simulate_streamed (const ChartArgs              *args,
                   const PalierProgram          *program,
                   const PalierSimulateOptions  *options,
                   GError                      **error)
{
  const PalierProgram *programs[] = { program, NULL };
  g_autoptr(PalierBases) bases = _palier_cli_read_bases (&args->sales, programs, options, error);

  if (bases == NULL)
    return NULL;
  return palier_bases_simulate (bases, program, NULL, error);
}

static gboolean
run_chart (const ChartArgs  *args,
           GError          **error)
{
  g_autoptr(PalierProgram) program = NULL;
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(PalierResult) result = NULL;
  PalierSimulateOptions options;
  PalierImageFormat format;
  ChartJob job = { 0 };
  gboolean needs_sales;
  gboolean stream_sales;

  if (!chart_args_check (args, &job.kind, &format, error)
      || !_palier_cli_parse_range (args->from, args->to, &options, error))
    return FALSE;

  /* A payout curve needs no sales, only the program; a workspace may
   * still be given to read a stored program by its id. */
  needs_sales = job.kind != PALIER_CHART_PAYOUT_CURVE;

  /* A program file on --sales: the rows go straight into the bases,
   * with no workspace in memory. */
  stream_sales = needs_sales && args->workspace == NULL && args->sales.sales != NULL &&
                 g_file_test (args->program, G_FILE_TEST_EXISTS);

  if (!stream_sales &&
      (needs_sales || (args->workspace != NULL && !g_file_test (args->program, G_FILE_TEST_EXISTS))))
    {
      store = _palier_cli_open_sales (args->workspace, &args->sales, error);
      if (store == NULL)
        return FALSE;
    }

  program = _palier_cli_load_program (args->program, store, error);
  if (program == NULL)
    return FALSE;

  if (job.kind == PALIER_CHART_PAYOUT_CURVE)
    {
      if (!prepare_curve (args, program, &job, error))
        return FALSE;
    }
  else
    {
      result = stream_sales ? simulate_streamed (args, program, &options, error)
                            : palier_simulate (store, program, &options, NULL, error);
      if (result == NULL)
        return FALSE;
      job.result = result;
    }

  job.style.dark = args->dark;
  return palier_chart_export (args->output, format, args->width, args->height,
                              draw_chart, &job, error);
}

int
_palier_cli_chart (int   argc,
                   char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  ChartArgs args = { 0 };
  const GOptionEntry entries[] = {
    { "program", 'p', 0, G_OPTION_ARG_FILENAME, &args.program,
      N_("Program file, or the id of a program stored in the workspace"), N_("FILE.xml") },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &args.workspace,
      N_("Workspace file with the sales"), N_("FILE.palier") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &args.kind,
      N_("Chart to draw: payout-curve (one component’s payout against its base), periods "
         "(payouts per period by component) or distribution (partners by payout)"),
      N_("KIND") },
    { "component", 'c', 0, G_OPTION_ARG_STRING, &args.component,
      N_("Component of the payout curve (default: the first commission or bonus)"), N_("ID") },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &args.segment,
      N_("Partner segment of the payout curve, for its quota and rate overrides"), N_("SEGMENT") },
    { "quota", 0, 0, G_OPTION_ARG_STRING, &args.quota,
      N_("Quota of the payout curve, in currency units (default: the program’s quota for the segment)"),
      N_("AMOUNT") },
    { "width", 0, 0, G_OPTION_ARG_INT, &args.width,
      N_("Width in pixels for PNG, in points for SVG and PDF (default: 960)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &args.height,
      N_("Height in pixels for PNG, in points for SVG and PDF (default: 600)"), N_("H") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args.from,
      N_("First day of the range, inclusive (default: the first sale)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args.to,
      N_("Last day of the range, inclusive (default: the last sale)"), N_("YYYY-MM-DD") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &args.dark,
      N_("Draw light text on a dark background"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("Image file to write; its extension (.png, .svg or .pdf) sets the format"), N_("FILE") },
    { NULL }
  };
  int status = 0;

  args.width = DEFAULT_WIDTH;
  args.height = DEFAULT_HEIGHT;

  context = _palier_cli_context_new ("chart",
                                     N_("--program FILE.xml --kind KIND --output FILE.png|svg|pdf"),
                                     N_("Draws a chart of a program to a PNG, SVG or PDF file.  The "
                                        "periods and distribution charts simulate the program on "
                                        "--workspace or --sales; the payout curve needs only the program."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  _palier_cli_sales_args_add_entries (context, &args.sales, TRUE);

  if (!_palier_cli_parse (context, "chart", &argc, &argv))
    status = PALIER_CLI_EXIT_USAGE;
  else if (argc > 1)
    _palier_cli_set_usage_error (&error, _("unexpected argument “%s”"), argv[1]);
  else
    run_chart (&args, &error);

  if (error != NULL)
    status = _palier_cli_report_error ("chart", error);

  chart_args_clear (&args);
  return status;
}
