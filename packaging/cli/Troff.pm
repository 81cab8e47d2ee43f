# SPDX-License-Identifier: PostgreSQL
# Help text to troff (man macros), for the generated man pages: escaping,
# usage lines, paragraphs and option lists.
package Troff;

use strict;
use warnings;
use Exporter 'import';
our @EXPORT_OK = qw(esc syntax paragraphs option_item);

# Plain text to troff: backslashes, minus signs of options (so that they can
# be searched for and copied), and lines that would read as requests.
sub esc {
    my ($text) = @_;
    $text =~ s/\\/\\e/g;
    $text =~ s/(^|[\s(\[|,=])(-+)(?=[\w])/$1 . ('\\-' x length($2))/ge;
    $text =~ s/^([.'])/\\&$1/mg;
    return $text;
}

# A usage line: options in bold, placeholders (CONNINFO, ID...) in italics.
sub syntax {
    my ($text) = @_;
    my $out = '';
    for my $token (split(/(\s+|[\[\]|])/, $text)) {
        if ($token =~ /^-/) {
            $out .= '\fB' . esc($token) . '\fR';
        } elsif ($token =~ /^<?([A-Z][A-Z0-9_]*)>?(\.\.\.)?$/) {
            $out .= '\fI' . esc($1) . '\fR' . ($2 // '');
        } else {
            $out .= esc($token);
        }
    }
    return $out;
}

# Help paragraphs keep their meaning: blank lines start a new paragraph,
# indented lines (examples) stay as they are.
sub paragraphs {
    my ($text) = @_;
    my ($out, $verbatim) = ('', 0);
    for my $line (split(/\n/, $text)) {
        my $indented = $line =~ /^\s{2,}\S/;
        if ($indented && !$verbatim) { $out .= ".RS 4\n.nf\n"; $verbatim = 1; }
        if (!$indented && $verbatim) { $out .= ".fi\n.RE\n"; $verbatim = 0; }
        if ($line !~ /\S/) { $out .= ".PP\n"; next; }
        $line =~ s/^\s+// unless $verbatim;
        $out .= esc($line) . "\n";
    }
    $out .= ".fi\n.RE\n" if $verbatim;
    return $out;
}

sub option_item {
    my ($o) = @_;
    my $head = join(', ', map { '\fB' . esc($_) . '\fR' } @{ $o->{names} });
    $head .= ' \fI' . esc($o->{arg}) . '\fR' if defined $o->{arg};
    return ".TP\n$head\n" . esc($o->{text}) . "\n";
}

1;
