/*
 * cli/child.c - drawing commands run in a child process.  Graphviz does not check its
 * allocations, and Pango and GLib end the process when one fails (a SIGTRAP after
 * "GLib-ERROR **: ... failed to allocate"), which no library call can turn into an error.
 * So render, report and view run in a child: its standard error comes to the parent
 * through a pipe (GLib's own lines left out), and a child ended by such a signal becomes
 * one error line and exit 71, with no output file left (the child's temporary files are
 * removed as it dies, eco_export_catch_crashes).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

enum { EXIT_OSERR = 71, EXIT_SOFTWARE = 70 };

static int terminal = -1; /* whether standard error was a terminal before the fork */

int cli_stderr_is_terminal(void)
{
    if (terminal < 0)
        terminal = isatty(STDERR_FILENO);
    return terminal;
}

/* GLib's, Pango's and fontconfig's own messages ("(process:42): GLib-ERROR **: ...",
 * "Fontconfig error: ...: out of memory"), which say nothing a user can act on and come
 * just before the process ends. */
static int library_noise(const char *line, size_t n)
{
    static const char *const marks[] = {"-ERROR **", "-CRITICAL **", "-WARNING **"};
    if (n == 0 || (n >= 9 && memcmp(line, "(process:", 9) == 0) ||
        (n >= 11 && memcmp(line, "Fontconfig ", 11) == 0))
        return 1;
    for (size_t i = 0; i < sizeof(marks) / sizeof(*marks); i++)
        for (size_t k = 0; k + strlen(marks[i]) <= n; k++)
            if (memcmp(line + k, marks[i], strlen(marks[i])) == 0)
                return 1;
    return 0;
}

/* Copies what the child writes to standard error, line by line, leaving out the
 * libraries' own lines; a progress bar (redrawn after '\r') passes as it comes. */
static void relay(int from)
{
    char buf[8192];
    size_t held = 0;
    ssize_t got;

    while ((got = read(from, buf + held, sizeof(buf) - held)) > 0 || (got < 0 && errno == EINTR)) {
        size_t start = 0, end = held + (size_t)(got > 0 ? got : 0);
        for (size_t i = 0; i < end; i++) {
            if (buf[i] != '\n')
                continue;
            if (!library_noise(buf + start, i - start) &&
                write(STDERR_FILENO, buf + start, i - start + 1) < 0)
                return;
            start = i + 1;
        }
        size_t cr = end;
        while (cr > start && buf[cr - 1] != '\r')
            cr--;
        if (cr > start) { /* progress: shown now, not when a line ends */
            if (write(STDERR_FILENO, buf + start, cr - start) < 0)
                return;
            start = cr;
        }
        memmove(buf, buf + start, end - start);
        held = end - start;
        if (held == sizeof(buf) && write(STDERR_FILENO, buf, held) >= 0)
            held = 0; /* a line longer than the buffer: passed on as it is */
    }
    if (held && !library_noise(buf, held))
        (void)!write(STDERR_FILENO, buf, held);
}

static volatile sig_atomic_t child_pid;

/* Ctrl-C or a kill of the parent reaches the child, which removes its temporary files. */
static void pass_on(int signal_number)
{
    if (child_pid > 0)
        kill((pid_t)child_pid, signal_number);
}

/* The exit status for a child that ended: its own, or one error line for a signal. */
static int child_status(const char *name, int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    int sig = WTERMSIG(status);
    if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) {
        signal(sig, SIG_DFL);
        raise(sig);
    }
    if (sig == SIGTRAP || sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS || sig == SIGKILL) {
        cli_error_line("ecomap %s: error: out of memory drawing the map: Graphviz, Pango or "
                       "GLib ended the drawing (%s); draw fewer actors (--top) or give it more "
                       "memory",
                       name, strsignal(sig));
        return EXIT_OSERR;
    }
    cli_error_line("ecomap %s: error: the drawing ended with %s", name, strsignal(sig));
    return EXIT_SOFTWARE;
}

int cli_run_in_child(const cli_command *command, int argc, char **argv)
{
    int pipe_fds[2], status;
    pid_t pid;

    cli_stderr_is_terminal(); /* asked before standard error becomes a pipe */
    fflush(stdout);
    fflush(stderr);
    if (pipe(pipe_fds) != 0 || (pid = fork()) < 0)
        return command->run(argc, argv); /* no child to be had: draw here, as before */
    if (pid == 0) {
        close(pipe_fds[0]);
        if (dup2(pipe_fds[1], STDERR_FILENO) < 0)
            _exit(EXIT_OSERR);
        close(pipe_fds[1]);
        if (eco_export_catch_crashes() < 0)
            _exit(EXIT_SOFTWARE);
        status = command->run(argc, argv);
        fflush(stdout);
        exit(status);
    }
    close(pipe_fds[1]);
    child_pid = pid;
    signal(SIGINT, pass_on);
    signal(SIGTERM, pass_on);
    signal(SIGHUP, pass_on);
    relay(pipe_fds[0]);
    close(pipe_fds[0]);
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return EXIT_SOFTWARE;
    return child_status(command->name, status);
}
