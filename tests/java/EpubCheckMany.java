// EPUBCheck on many EPUBs in one Java start, for tests/judges.py (`epubcheck_findings`).
//
// EPUBCheck's own command line takes one file (w3c/epubcheck#1229), and most of its time is the JVM and
// schema start-up, which this pays once. Run with Java's source launcher, no build step:
//     java -cp epubcheck.jar tests/java/EpubCheckMany.java A.epub B.epub ...
// Each file's report is EPUBCheck's own console output (stderr folded into stdout, in order), between
// "@@epubcheck-begin <path>" and "@@epubcheck-end <exit status>" lines; a crash is status 99 with its trace.
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.PrintStream;

public class EpubCheckMany {
    public static void main(String[] args) {
        PrintStream out = System.out;
        System.setErr(out);
        for (String path : args) {
            out.println("@@epubcheck-begin " + path);
            out.flush();
            int status;
            try {
                status = new EpubChecker().run(new String[] {path});
            } catch (Throwable error) {
                error.printStackTrace(out);
                status = 99;
            }
            out.println("@@epubcheck-end " + status);
            out.flush();
        }
    }
}
