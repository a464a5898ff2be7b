/* The libcmark-gfm floor: what "read Markdown, write one HTML file per article" costs when
 * nothing else happens. The benchmark (Benchmarks/run.py) compiles and times this next to
 * docgen and Hugo.
 *
 *   cmark_floor [--workers N] [--all-extensions] CONTENT OUTPUT
 *
 * One process. The main thread lists the articles under CONTENT (every .md file except
 * README.md, TOC.md, files in includes/ folders and hidden paths: what docgen's
 * ContentLoader treats as articles), then N worker threads take them one at a time from a
 * shared counter. Each worker reads a file, skips its YAML front matter, parses it with its
 * own cmark parser, renders HTML and writes OUTPUT/<same path>.html (the body only: no
 * page template). Prints "articles N bytes B" on stdout.
 *
 * Extensions. libcmark-gfm keeps the inline special-character table in a process-global
 * array; a parser with an *inline* extension attached (strikethrough `~`, autolink `:` and
 * `w`) sets those characters when it parses inlines and clears them when it is done, so two
 * such parsers on two threads race (one clears `~` while the other is reading text). The
 * block-level and render-level extensions (table, tasklist, tagfilter) have no special
 * characters and touch no shared state. So by default each parser gets table + tasklist +
 * tagfilter and runs fully in parallel; strikethrough and autolink are left out (the fr-fr
 * corpus has no `~~`, and a bare URL stays text instead of becoming a link: the work is
 * the same within noise). `--all-extensions` attaches all five and holds a mutex around
 * the parse (rendering stays parallel), which is the simple correct way to have them all.
 */

#define _GNU_SOURCE
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <ctype.h>
#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static char **articles;
static size_t article_count, article_capacity;
static size_t content_length;
static const char *content_root, *output_root;
static atomic_size_t next_article;
static atomic_ullong bytes_written;
static int all_extensions;
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

static int is_article(const char *relative) {
    static const char *skipped[] = {"readme.md", "toc.md"};
    const char *name = strrchr(relative, '/');
    name = name ? name + 1 : relative;
    size_t length = strlen(name);
    if (length < 4 || strcasecmp(name + length - 3, ".md") != 0) return 0;
    for (size_t i = 0; i < sizeof skipped / sizeof *skipped; i++)
        if (strcasecmp(name, skipped[i]) == 0) return 0;
    /* hidden parts and includes/ folders */
    const char *part = relative;
    while (part) {
        if (*part == '.') return 0;
        const char *slash = strchr(part, '/');
        if (slash && (size_t)(slash - part) == 8 && strncasecmp(part, "includes", 8) == 0) return 0;
        part = slash ? slash + 1 : NULL;
    }
    return 1;
}

static int collect(const char *path, const struct stat *status, int type, struct FTW *walk) {
    (void)status;
    (void)walk;
    if (type != FTW_F || strlen(path) <= content_length + 1) return 0;
    const char *relative = path + content_length + 1;
    if (!is_article(relative)) return 0;
    if (article_count == article_capacity) {
        article_capacity = article_capacity ? 2 * article_capacity : 1024;
        articles = realloc(articles, article_capacity * sizeof *articles);
    }
    articles[article_count++] = strdup(relative);
    return 0;
}

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *buffer = malloc((size_t)size + 1);
    *length = fread(buffer, 1, (size_t)size, file);
    buffer[*length] = 0;
    fclose(file);
    return buffer;
}

/* The Markdown after a leading `---` ... `---` YAML block (docgen and Hugo do not render it). */
static const char *skip_front_matter(const char *text, size_t *length) {
    const char *start = text;
    if (*length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) start += 3; /* BOM */
    if (strncmp(start, "---", 3) != 0 || (start[3] != '\n' && start[3] != '\r')) return text;
    const char *line = strchr(start, '\n');
    while (line) {
        line++;
        if (strncmp(line, "---", 3) == 0 && (line[3] == '\n' || line[3] == '\r' || line[3] == 0)) {
            const char *end = strchr(line, '\n');
            end = end ? end + 1 : line + 3;
            *length -= (size_t)(end - text);
            return end;
        }
        line = strchr(line, '\n');
    }
    return text;
}

static void make_parents(char *path) {
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = 0;
        if (mkdir(path, 0755) != 0 && errno != EEXIST) perror(path);
        *slash = '/';
    }
}

static void attach(cmark_parser *parser, const char *name) {
    cmark_syntax_extension *extension = cmark_find_syntax_extension(name);
    if (extension) cmark_parser_attach_syntax_extension(parser, extension);
}

static void *worker(void *unused) {
    (void)unused;
    const int options = CMARK_OPT_UNSAFE;
    char path[8192];
    for (;;) {
        size_t index = atomic_fetch_add(&next_article, 1);
        if (index >= article_count) break;
        const char *relative = articles[index];
        snprintf(path, sizeof path, "%s/%s", content_root, relative);
        size_t length;
        char *text = read_file(path, &length);
        if (!text) {
            perror(path);
            continue;
        }
        const char *markdown = skip_front_matter(text, &length);

        cmark_parser *parser = cmark_parser_new(options);
        attach(parser, "table");
        attach(parser, "tasklist");
        attach(parser, "tagfilter");
        if (all_extensions) {
            attach(parser, "strikethrough");
            attach(parser, "autolink");
            pthread_mutex_lock(&parse_lock);
        }
        cmark_parser_feed(parser, markdown, length);
        cmark_node *document = cmark_parser_finish(parser);
        if (all_extensions) pthread_mutex_unlock(&parse_lock);
        char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));

        snprintf(path, sizeof path, "%s/%.*s.html", output_root, (int)(strlen(relative) - 3), relative);
        make_parents(path);
        FILE *out = fopen(path, "wb");
        if (out) {
            size_t html_length = strlen(html);
            fwrite(html, 1, html_length, out);
            fclose(out);
            atomic_fetch_add(&bytes_written, html_length);
        } else {
            perror(path);
        }
        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
        free(text);
    }
    return NULL;
}

int main(int argc, char **argv) {
    int workers = 2;
    const char *positional[2] = {NULL, NULL};
    int positional_count = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--workers") == 0 && i + 1 < argc) {
            workers = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--all-extensions") == 0) {
            all_extensions = 1;
        } else if (positional_count < 2) {
            positional[positional_count++] = argv[i];
        } else {
            positional_count = 3;
        }
    }
    if (positional_count != 2 || workers < 1) {
        fprintf(stderr, "usage: %s [--workers N] [--all-extensions] CONTENT OUTPUT\n", argv[0]);
        return 2;
    }
    content_root = positional[0];
    output_root = positional[1];
    content_length = strlen(content_root);
    while (content_length > 1 && content_root[content_length - 1] == '/') content_length--;

    cmark_gfm_core_extensions_ensure_registered(); /* once, before any thread starts */
    if (nftw(content_root, collect, 64, FTW_PHYS) != 0) {
        perror(content_root);
        return 1;
    }
    if (mkdir(output_root, 0755) != 0 && errno != EEXIST) {
        perror(output_root);
        return 1;
    }

    pthread_t *threads = calloc((size_t)workers, sizeof *threads);
    for (int i = 0; i < workers; i++) pthread_create(&threads[i], NULL, worker, NULL);
    for (int i = 0; i < workers; i++) pthread_join(threads[i], NULL);
    printf("articles %zu bytes %llu\n", article_count, (unsigned long long)bytes_written);
    return 0;
}
