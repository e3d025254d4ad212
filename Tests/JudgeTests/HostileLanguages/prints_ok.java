// expect: AC
// The control, a plain Java program must run and be accepted, or the other verdicts prove nothing.
public class Main {
    public static void main(String[] args) {
        System.out.println("ok");
    }
}
