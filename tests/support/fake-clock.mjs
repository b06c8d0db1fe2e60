// Preloaded (node --import) into a build to move its clock to 2031: any date
// the build takes from the clock instead of the content then shows up as a difference.
const RealDate = Date;
const offset = RealDate.UTC(2031, 0, 1) - RealDate.now();
class FakeDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = FakeDate;
