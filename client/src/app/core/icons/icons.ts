// The icons Ruta shows: Material Symbols (outlined, weight 400) as SVG, bundled into the JS so the first load carries
// a few kilobytes of icons instead of the 3.9 MiB font. A template names one through `<mat-icon svgIcon="…" />` or
// `[svgIcon]` with a `RutaIcon`; icons.spec.ts fails on a name that is missing here or on a ligature `<mat-icon>`.
import accountBalance from '@material-symbols/svg-400/outlined/account_balance.svg';
import accountCircle from '@material-symbols/svg-400/outlined/account_circle.svg';
import add from '@material-symbols/svg-400/outlined/add.svg';
import arrowBack from '@material-symbols/svg-400/outlined/arrow_back.svg';
import arrowForward from '@material-symbols/svg-400/outlined/arrow_forward.svg';
import attachFile from '@material-symbols/svg-400/outlined/attach_file.svg';
import badge from '@material-symbols/svg-400/outlined/badge.svg';
import block from '@material-symbols/svg-400/outlined/block.svg';
import bookmarkAdd from '@material-symbols/svg-400/outlined/bookmark_add.svg';
import cancel from '@material-symbols/svg-400/outlined/cancel.svg';
import checkCircle from '@material-symbols/svg-400/outlined/check_circle.svg';
import childCare from '@material-symbols/svg-400/outlined/child_care.svg';
import contentCopy from '@material-symbols/svg-400/outlined/content_copy.svg';
import deleteIcon from '@material-symbols/svg-400/outlined/delete.svg';
import deleteSweep from '@material-symbols/svg-400/outlined/delete_sweep.svg';
import description from '@material-symbols/svg-400/outlined/description.svg';
import download from '@material-symbols/svg-400/outlined/download.svg';
import edit from '@material-symbols/svg-400/outlined/edit.svg';
import error from '@material-symbols/svg-400/outlined/error.svg';
import exploreOff from '@material-symbols/svg-400/outlined/explore_off.svg';
import filterList from '@material-symbols/svg-400/outlined/filter_list.svg';
import folderShared from '@material-symbols/svg-400/outlined/folder_shared.svg';
import group from '@material-symbols/svg-400/outlined/group.svg';
import history from '@material-symbols/svg-400/outlined/history.svg';
import home from '@material-symbols/svg-400/outlined/home.svg';
import image from '@material-symbols/svg-400/outlined/image.svg';
import link from '@material-symbols/svg-400/outlined/link.svg';
import linkOff from '@material-symbols/svg-400/outlined/link_off.svg';
import lock from '@material-symbols/svg-400/outlined/lock.svg';
import lockReset from '@material-symbols/svg-400/outlined/lock_reset.svg';
import logout from '@material-symbols/svg-400/outlined/logout.svg';
import menu from '@material-symbols/svg-400/outlined/menu.svg';
import monitorHeart from '@material-symbols/svg-400/outlined/monitor_heart.svg';
import noteAdd from '@material-symbols/svg-400/outlined/note_add.svg';
import password from '@material-symbols/svg-400/outlined/password.svg';
import person from '@material-symbols/svg-400/outlined/person.svg';
import personAdd from '@material-symbols/svg-400/outlined/person_add.svg';
import personRemove from '@material-symbols/svg-400/outlined/person_remove.svg';
import pictureAsPdf from '@material-symbols/svg-400/outlined/picture_as_pdf.svg';
import policy from '@material-symbols/svg-400/outlined/policy.svg';
import refresh from '@material-symbols/svg-400/outlined/refresh.svg';
import save from '@material-symbols/svg-400/outlined/save.svg';
import scheduleSend from '@material-symbols/svg-400/outlined/schedule_send.svg';
import search from '@material-symbols/svg-400/outlined/search.svg';
import stickyNote2 from '@material-symbols/svg-400/outlined/sticky_note_2.svg';
import swapHoriz from '@material-symbols/svg-400/outlined/swap_horiz.svg';
import syncProblem from '@material-symbols/svg-400/outlined/sync_problem.svg';
import toggleOff from '@material-symbols/svg-400/outlined/toggle_off.svg';
import toggleOn from '@material-symbols/svg-400/outlined/toggle_on.svg';
import translate from '@material-symbols/svg-400/outlined/translate.svg';
import upload from '@material-symbols/svg-400/outlined/upload.svg';
import verified from '@material-symbols/svg-400/outlined/verified.svg';
import visibilityOff from '@material-symbols/svg-400/outlined/visibility_off.svg';

/** Name → SVG markup. Adding an icon: one import and one entry. */
export const RUTA_ICONS = {
  account_balance: accountBalance,
  account_circle: accountCircle,
  add,
  arrow_back: arrowBack,
  arrow_forward: arrowForward,
  attach_file: attachFile,
  badge,
  block,
  bookmark_add: bookmarkAdd,
  cancel,
  check_circle: checkCircle,
  child_care: childCare,
  content_copy: contentCopy,
  delete: deleteIcon,
  delete_sweep: deleteSweep,
  description,
  download,
  edit,
  error,
  explore_off: exploreOff,
  filter_list: filterList,
  folder_shared: folderShared,
  group,
  history,
  home,
  image,
  link,
  link_off: linkOff,
  lock,
  lock_reset: lockReset,
  logout,
  menu,
  monitor_heart: monitorHeart,
  note_add: noteAdd,
  password,
  person,
  person_add: personAdd,
  person_remove: personRemove,
  picture_as_pdf: pictureAsPdf,
  policy,
  refresh,
  restore: history,
  save,
  schedule_send: scheduleSend,
  search,
  sticky_note_2: stickyNote2,
  swap_horiz: swapHoriz,
  sync_problem: syncProblem,
  toggle_off: toggleOff,
  toggle_on: toggleOn,
  translate,
  upload,
  verified,
  visibility_off: visibilityOff,
} as const satisfies Record<string, string>;

export type RutaIcon = keyof typeof RUTA_ICONS;
