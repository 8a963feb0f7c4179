/* palier-cli-private.h: pieces shared by palier-cli's commands */
#pragma once

#include <glib.h>

#include "palier.h"

G_BEGIN_DECLS

/* Exit statuses: 1 for a failure the user can fix in the files, 2 for a
 * command line that cannot be understood. */
#define PALIER_CLI_EXIT_FAILURE 1
#define PALIER_CLI_EXIT_USAGE   2

#define PALIER_CLI_ERROR (_palier_cli_error_quark ())

typedef enum {
  PALIER_CLI_ERROR_USAGE,           /* bad option, value or argument */
  PALIER_CLI_ERROR_FAILED,          /* anything else found by the CLI itself */
} PalierCliError;

GQuark _palier_cli_error_quark (void);

/* A subcommand with its one-line summary, marked with N_() and
 * translated when shown.  Its entry point receives the arguments after
 * the command name, with argv[0] set to the command. */
typedef struct {
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} PalierCliCommand;

int _palier_cli_import    (int argc, char **argv);
int _palier_cli_simulate  (int argc, char **argv);
int _palier_cli_compare   (int argc, char **argv);
int _palier_cli_validate  (int argc, char **argv);
int _palier_cli_chart     (int argc, char **argv);
int _palier_cli_program   (int argc, char **argv);
int _palier_cli_imports   (int argc, char **argv);
int _palier_cli_scenario  (int argc, char **argv);
int _palier_cli_report    (int argc, char **argv);
int _palier_cli_import_partners (int argc, char **argv);
int _palier_cli_import_quotas (int argc, char **argv);

/* Moves the "partners." and "quotas." entries of @maps, a
 * NULL-terminated array whose other entries keep their order, into two
 * new arrays that own them. */
void       _palier_cli_take_file_maps     (char    **maps,
                                           char   ***out_partners_maps,
                                           char   ***out_quotas_maps);

/* How "simulate --sales" reads its partners file or its quotas file:
 * the values of --partners-encoding, --partners-delimiter and
 * --partners-date-order, or of the --quotas- options, NULL when not
 * given.  A quotas file has no date order and a partners file no
 * decimal mark. */
typedef struct {
  char *encoding;
  char *delimiter;
  char *date_order;
  char *decimal_mark;
} PalierCliFileArgs;

void _palier_cli_file_args_clear (PalierCliFileArgs *args);

/* Reads the partners file or the quotas file of "simulate --sales",
 * mapped with @maps ("partners.FIELD=COLUMN", "quotas.FIELD=COLUMN")
 * and read as @file_args says.  Fiscal labels in the quotas file
 * ("FY2018-Q1") use @fiscal_year_start.  The options that the messages
 * advise (--encoding, --date-order…) carry the file's prefix, such as
 * --partners-encoding. */
GPtrArray *_palier_cli_read_partners_file (const char               *path,
                                           char                    **maps,
                                           const PalierCliFileArgs  *file_args,
                                           GError                  **error);
GPtrArray *_palier_cli_read_quotas_file   (const char               *path,
                                           char                    **maps,
                                           const PalierCliFileArgs  *file_args,
                                           int                       fiscal_year_start,
                                           GError                  **error);

/* Sets @dialect from the text of an --encoding and a --delimiter option
 * (each NULL when not given).  @file_kind is "" for the sales options,
 * or "partners" or "quotas" for --partners-encoding and the like, which
 * the usage errors name. */
gboolean _palier_cli_parse_dialect (const char        *encoding,
                                    const char        *delimiter,
                                    const char        *file_kind,
                                    PalierCsvDialect  *dialect,
                                    GError           **error);
int _palier_cli_bench_resimulate (int argc, char **argv);
int _palier_cli_montecarlo (int argc, char **argv);
int _palier_cli_goal_seek  (int argc, char **argv);
int _palier_cli_statement (int argc, char **argv);
int _palier_cli_health    (int argc, char **argv);

/* Appends to a PALIER_STORE_ERROR_DUPLICATE @error the options of
 * "palier-cli import" that go past it; other errors stay as they are. */
void _palier_cli_imports_add_duplicate_hint (GError *error);

/* Prints the imports of @before, a palier_store_list_imports() from
 * before an import with --replace of @sales, that @after no longer has. */
void _palier_cli_imports_print_replaced (GPtrArray  *before,
                                         GPtrArray  *after,
                                         const char *sales);

/* An option context for "palier-cli @command", translated in Palier's
 * text domain, with @summary shown under the usage line. */
GOptionContext *_palier_cli_context_new (const char *command,
                                         const char *parameters,
                                         const char *summary);

/* Parses the command line; on failure prints the message and a pointer
 * to --help and returns FALSE. */
gboolean _palier_cli_parse (GOptionContext  *context,
                            const char      *command,
                            int             *argc,
                            char          ***argv);

/* Prints @error to stderr and returns the exit status it calls for:
 * PALIER_CLI_EXIT_USAGE for PALIER_CLI_ERROR_USAGE, otherwise
 * PALIER_CLI_EXIT_FAILURE. */
int  _palier_cli_report_error (const char   *command,
                               const GError *error);

/* Sets a PALIER_CLI_ERROR_USAGE error. */
void _palier_cli_set_usage_error (GError     **error,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (2, 3);

/* Options for reading a sales CSV, shared by every command that accepts
 * --sales. */
typedef struct {
  char      *sales;
  char     **maps;
  char      *date_format;
  char      *decimal_mark;
  char      *encoding;
  char      *delimiter;
  gboolean   skip_invalid;
} PalierCliSalesArgs;

void _palier_cli_sales_args_add_entries (GOptionContext     *context,
                                         PalierCliSalesArgs *args,
                                         gboolean            with_sales);
void _palier_cli_sales_args_clear       (PalierCliSalesArgs *args);

/* Turns the parsed options into import options; a malformed --map, an
 * unknown field or an unknown style is a usage error. */
gboolean _palier_cli_sales_args_to_options (const PalierCliSalesArgs *args,
                                            PalierImportOptions      *options,
                                            GError                  **error);

/* Returns whether any option other than --sales was given. */
gboolean _palier_cli_sales_args_has_import_options (const PalierCliSalesArgs *args);

/* Imports @args->sales into @store, printing the plan's notes and, with
 * --skip-invalid, every skipped row on stderr. */
gboolean _palier_cli_import_sales (PalierStore              *store,
                                   const PalierCliSalesArgs *args,
                                   PalierImportReport       *report,
                                   GError                  **error);

/* The sales a command runs on: the workspace @workspace opened read-only,
 * or @args->sales imported into a workspace in memory.  Exactly one of
 * the two must be given. */
PalierStore *_palier_cli_open_sales (const char               *workspace,
                                     const PalierCliSalesArgs *args,
                                     GError                  **error);

/* Sets @out_workspace to the workspace a command runs on: the value of
 * --workspace (@option), else its one plain argument argv[1].  Giving
 * both, neither, or a second plain argument is a usage error. */
gboolean _palier_cli_take_workspace (const char  *option,
                                     int          argc,
                                     char       **argv,
                                     const char **out_workspace,
                                     GError     **error);

/* Reads the program in the file @path.  When no such file exists and
 * @store is not NULL, loads the program stored under the id @path. */
/* Reads the CSV file of --sales straight into the bases @programs need,
 * with the same notes, progress and problems as an import. */
PalierBases *_palier_cli_read_bases (const PalierCliSalesArgs     *args,
                                     const PalierProgram * const  *programs,
                                     const PalierSimulateOptions  *simulate_options,
                                     GError                      **error);

/* The same, with the partners and quotas files read already (each may
 * be NULL), as palier_bases_compute_from_files() takes them. */
PalierBases *_palier_cli_read_bases_with_files (const PalierCliSalesArgs     *args,
                                                GPtrArray                    *partners,
                                                GPtrArray                    *quotas,
                                                const PalierProgram * const  *programs,
                                                const PalierSimulateOptions  *simulate_options,
                                                GError                      **error);

PalierProgram *_palier_cli_load_program (const char   *path,
                                         PalierStore  *store,
                                         GError      **error);

/* Loads scenario @id from @store and its program as last saved, and
 * reads the scenario's bases (its window, with its assumptions applied)
 * for that program. */
PalierBases *_palier_cli_read_scenario_bases (PalierStore     *store,
                                              const char      *id,
                                              PalierProgram  **out_program,
                                              GError         **error);

/* Parses the YYYY-MM-DD value of @option_name into @out (left as is when
 * @text is NULL). */
gboolean _palier_cli_parse_date (const char  *option_name,
                                 const char  *text,
                                 PalierDate  *out,
                                 GError     **error);

/* Fills @options from --from and --to, checking that from <= to. */
gboolean _palier_cli_parse_range (const char             *from,
                                  const char             *to,
                                  PalierSimulateOptions  *options,
                                  GError                **error);

/* Writes @text to stdout when @path is NULL, else to @path through a
 * temporary file renamed into place, so that a failure leaves no partial
 * file. */
gboolean _palier_cli_write_output (const char     *path,
                                   const GString  *text,
                                   GError        **error);

/* Terminal columns that @text takes: two for a wide East Asian
 * character, none for a combining mark, one for any other character.
 * Tables pad by this width, not by bytes, so that "–", "€" and the
 * no-break spaces of French numbers keep the columns aligned. */
gsize _palier_cli_display_width (const char *text);

/* Appends @text padded with spaces to @width terminal columns, the
 * spaces before it when @right_aligned.  Wider text is appended whole. */
void  _palier_cli_append_padded (GString    *out,
                                 const char *text,
                                 gsize       width,
                                 gboolean    right_aligned);

G_END_DECLS
