# SPDX-License-Identifier: PostgreSQL
# Reads the `mimeo` binary's own help output into a data structure, so the
# man page and the bash completion are generated from the one source of truth
# (the command table and QCommandLineParser options in src/cli) and never need
# a manual edit when a command or option is added.
#
#   my $cli = MimeoHelp::read_cli('/path/to/mimeo');
#   $cli->{usage}, $cli->{description}, $cli->{exit_status}
#   $cli->{options}  = [ { names => ['--dest'], arg => 'CONNINFO', text => '...' }, ... ]
#   $cli->{commands} = [ { name => 'source add', summary => '...', syntax => '[options] ID',
#                          description => "...", options => [...], arguments => [...] }, ... ]
#
# Plain Perl 5 with core modules only: perl is always there on Debian.
package MimeoHelp;

use strict;
use warnings;

# Options every command gets from QCommandLineParser; described once in the
# man page instead of under every command.
our @BUILTIN_OPTIONS = ('--help', '--help-all');

# Runs mimeo with the arguments; returns (stdout, exit status). The C locale
# keeps the output stable whatever the builder's language.
sub run_mimeo {
    my ($mimeo, @args) = @_;
    local $ENV{LC_ALL} = 'C';
    local $ENV{LANGUAGE};
    delete $ENV{LANGUAGE};
    open(my $fh, '-|', $mimeo, @args) or die "cannot run $mimeo: $!\n";
    local $/;
    my $out = <$fh> // '';
    close($fh);
    return ($out, $? >> 8);
}

# Parses the indented entries under a heading ("Options:", "Commands:"...):
# an entry starts with two spaces, its text is separated from its name by two
# or more spaces, and deeper-indented lines continue the text.
sub entries {
    my (@lines) = @_;
    my @out;
    for my $line (@lines) {
        if ($line =~ /^  (\S.*?)(?:\s{2,}(\S.*))?$/ && $line !~ /^   /) {
            push @out, { spec => $1, text => $2 // '' };
        } elsif ($line =~ /^\s+(\S.*)$/ && @out) {
            $out[-1]{text} .= ($out[-1]{text} eq '' ? '' : ' ') . $1;
        } else {
            die "MimeoHelp: cannot read help line \"$line\"\n";
        }
    }
    return @out;
}

# "-h, --help" / "--conninfo <STR>" / "--dest CONNINFO" -> names and argument.
sub option_from_entry {
    my ($e) = @_;
    my @names;
    my $arg;
    for my $part (split(/,\s*(?=-)/, $e->{spec})) {
        my ($name, $rest) = $part =~ /^(-\S+)(?:\s+(.*))?$/
            or die "MimeoHelp: not an option: \"$e->{spec}\"\n";
        push @names, $name;
        if (defined $rest) {
            ($arg = $rest) =~ s/^<(.*)>$/$1/;
        }
    }
    return { names => \@names, arg => $arg, text => $e->{text} };
}

# Splits a help text into the usage line, the description (lines up to the
# first heading), the sections under the headings QCommandLineParser and
# mimeo write ({ heading => [indented lines] }, in order)
# and the trailing text: unindented lines after a section ("Exit status: ...").
sub sections {
    my ($text) = @_;
    my @lines = split(/\n/, $text);
    my $usage = shift(@lines) // '';
    $usage =~ s/^Usage:\s*// or die "MimeoHelp: no usage line in:\n$text\n";
    my (@description, %sections, @order, $current, @trailer);
    for my $line (@lines) {
        if ($line =~ /^(Options|Arguments|Global options|Commands):\s*$/) {
            $current = $1;
            push @order, $current;
            $sections{$current} = [];
        } elsif (!defined $current) {
            push @description, $line;
        } elsif (@trailer || $line =~ /^\S/) {
            push @trailer, $line;
        } elsif ($line =~ /\S/) {
            push @{ $sections{$current} }, $line;
        }
    }
    return ($usage, trim_lines(@description), \%sections, \@order, trim_lines(@trailer));
}

sub trim_lines {
    my $text = join("\n", @_);
    $text =~ s/^\s*\n|\s+$//g;
    return $text;
}

# The names of the commands, from the "Commands:" list of `mimeo --help`.
# A name may have several words ("source add") and may fill its column; the
# name is the longest run of leading words (at most three) that mimeo names
# in the usage line of `mimeo WORDS --help`; longest first, so that a "check"
# beside a "check rowcount" is not mistaken for it.
sub command_name {
    my ($mimeo, $line) = @_;
    my @words = split(' ', $line);
    for my $n (reverse 1 .. ($#words < 3 ? $#words + 1 : 3)) {
        my $name = join(' ', @words[0 .. $n - 1]);
        my ($out, $status) = run_mimeo($mimeo, @words[0 .. $n - 1], '--help');
        next if $status != 0;
        my ($usage) = split(/\n/, $out);
        return $name if $usage =~ /\]\s+\Q$name\E(\s|$)/;
    }
    die "MimeoHelp: no command found in \"$line\"\n";
}

sub read_command {
    my ($mimeo, $name) = @_;
    my ($out, $status) = run_mimeo($mimeo, split(' ', $name), '--help');
    die "MimeoHelp: mimeo $name --help exited with $status\n" if $status != 0;
    my ($usage, $description, $sections, $order, $trailer) = sections($out);
    die "MimeoHelp: unexpected text at the end of mimeo $name --help: $trailer\n" if $trailer ne '';
    my ($syntax) = $usage =~ /\]\s+\Q$name\E\s*(.*)$/
        or die "MimeoHelp: usage of \"$name\" does not name it: $usage\n";
    my @options = map { option_from_entry($_) } entries(@{ $sections->{Options} // [] });
    my @arguments = map { { name => $_->{spec}, text => $_->{text} } } entries(@{ $sections->{Arguments} // [] });
    return { name => $name, syntax => $syntax, description => $description,
             options => \@options, arguments => \@arguments };
}

sub read_cli {
    my ($mimeo) = @_;
    my ($out, $status) = run_mimeo($mimeo, '--help');
    die "MimeoHelp: mimeo --help exited with $status\n" if $status != 0;
    my ($usage, $description, $sections, $order, $trailer) = sections($out);
    my %cli = (usage => $usage, description => $description, options => [], commands => []);
    if ($trailer =~ /^Exit status:\s*(.*)$/s) {
        ($cli{exit_status} = $1) =~ s/\s*\n\s*/ /g;
    } elsif ($trailer ne '') {
        die "MimeoHelp: unexpected text at the end of mimeo --help: $trailer\n";
    }

    for my $heading (@$order) {
        my @lines = @{ $sections->{$heading} };
        if ($heading eq 'Global options') {
            push @{ $cli{options} }, map { option_from_entry($_) } entries(@lines);
        } elsif ($heading eq 'Commands') {
            for my $line (@lines) {
                if ($line =~ /^   \s*(\S.*)$/ && @{ $cli{commands} }) { # a wrapped summary
                    $cli{commands}[-1]{summary} .= " $1";
                    next;
                }
                my $name = command_name($mimeo, $line);
                (my $summary = $line) =~ s/^\s*\Q$name\E\s*//;
                my $command = read_command($mimeo, $name);
                $command->{summary} = $summary;
                push @{ $cli{commands} }, $command;
            }
        }
    }
    die "MimeoHelp: no commands in mimeo --help\n" unless @{ $cli{commands} };
    return \%cli;
}

1;
